package org.pallas.licensing;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/**
 * The user acting on a case or licence, as the domain sees it: an id, roles, the exporter organisation they
 * belong to (null for authority staff) and, for advisers, their teams. Every state-changing method takes one
 * and authorises it here, so the rules hold whatever the web layer does.
 */
public record Actor(String id, Set<ActorRole> roles, String organisationId, Set<AdviserTeam> teams) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("actor id is missing");
        }
        // Enum sets keep a stable order, so messages that list roles read the same every time.
        roles = roles.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(roles));
        teams = teams.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(teams));
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("actor " + id + " has no role");
        }
        if (roles.contains(ActorRole.EXPORTER) != (organisationId != null)) {
            throw new IllegalArgumentException(
                    "actor " + id + ": exactly the exporters belong to an organisation (roles " + roles + ")");
        }
        if (!teams.isEmpty() && !roles.contains(ActorRole.ADVISER)) {
            throw new IllegalArgumentException("actor " + id + " has adviser teams but not the ADVISER role");
        }
    }

    public static Actor exporter(String id, String organisationId) {
        return new Actor(
                id, Set.of(ActorRole.EXPORTER), Objects.requireNonNull(organisationId, "organisationId"), Set.of());
    }

    public static Actor caseworker(String id) {
        return new Actor(id, Set.of(ActorRole.CASEWORKER), null, Set.of());
    }

    public static Actor seniorOfficer(String id) {
        return new Actor(id, Set.of(ActorRole.SENIOR_OFFICER), null, Set.of());
    }

    public static Actor adviser(String id, AdviserTeam team) {
        return new Actor(id, Set.of(ActorRole.ADVISER), null, Set.of(team));
    }

    public static Actor system(String id) {
        return new Actor(id, Set.of(ActorRole.SYSTEM), null, Set.of());
    }

    public boolean has(ActorRole role) {
        return roles.contains(role);
    }

    /** Throws unless the actor holds at least one of the roles. */
    void require(String action, ActorRole... anyOf) {
        for (ActorRole role : anyOf) {
            if (roles.contains(role)) {
                return;
            }
        }
        throw new NotAuthorisedException(
                id + " may not " + action + ": needs role " + String.join(" or ", names(anyOf)) + ", has " + roles);
    }

    /** Throws unless the actor is an exporter of the given organisation. */
    void requireExporterOf(String organisation, String action) {
        require(action, ActorRole.EXPORTER);
        if (!organisation.equals(organisationId)) {
            throw new NotAuthorisedException(id + " may not " + action + ": belongs to organisation " + organisationId
                    + ", not to the owning organisation " + organisation);
        }
    }

    private static String[] names(ActorRole[] roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
