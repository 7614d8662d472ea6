package org.pallas.server.licensing.cases;

import java.util.EnumSet;
import java.util.Set;
import org.pallas.licensing.Actor;
import org.pallas.licensing.ActorRole;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one seam between the server's account roles ({@link Role}) and the roles in which the licensing core's
 * {@link Actor} acts ({@link ActorRole}): the core cannot depend on the server, so the server maps, here only.
 */
public final class CaseActors {

    private CaseActors() {}

    /** The licensing role an account role acts in; {@code null} for the roles that never act on a case. */
    static ActorRole actingAs(Role role) {
        // A switch expression: a new account role does not compile until it is mapped.
        return switch (role) {
            case EXPORTER -> ActorRole.EXPORTER;
            case CASEWORKER -> ActorRole.CASEWORKER;
            case ADVISER -> ActorRole.ADVISER;
            case SENIOR_OFFICER -> ActorRole.SENIOR_OFFICER;
            case OVERSIGHT, AUDITOR, ADMIN -> null;
        };
    }

    /** The caller as the exporter of their organisation; {@code refusal} says why anyone else may not. */
    public static Actor exporter(Caller caller, String refusal) {
        if (!caller.isExporter() || !caller.hasRole(Role.EXPORTER)) {
            throw new AccessDeniedException(refusal);
        }
        return Actor.exporter(
                caller.userId().toString(), caller.organisationId().toString());
    }

    /** The caller as authority staff, with the case roles they hold; the domain checks the exact one. */
    public static Actor authority(Caller caller) {
        Cases.requireAuthority(caller);
        Set<ActorRole> roles = EnumSet.noneOf(ActorRole.class);
        for (Role role : caller.roles()) {
            ActorRole acting = actingAs(role);
            if (acting == ActorRole.CASEWORKER || acting == ActorRole.SENIOR_OFFICER) {
                roles.add(acting);
            }
        }
        return new Actor(caller.userId().toString(), roles, null, Set.of());
    }

    /** The caller as a member of their adviser team. */
    static Actor adviser(Caller caller) {
        if (!caller.isAdvisoryDepartment() || !caller.hasRole(Role.ADVISER) || caller.team() == null) {
            throw new AccessDeniedException("Only advisers of an advisory team give advice.");
        }
        return Actor.adviser(caller.userId().toString(), caller.team());
    }
}
