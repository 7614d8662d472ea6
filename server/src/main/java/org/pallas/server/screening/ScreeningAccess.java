package org.pallas.server.screening;

import java.util.EnumSet;
import java.util.Set;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who may use screening. Exporters screen their own customers and the authority screens every party
 * of a case; oversight reads (never changes) parties and alerts. Exporters only ever see their own
 * organisation's parties, searches and alerts (scoping is in the SQL, see {@link Caller#organisationScope()}).
 */
final class ScreeningAccess {

    /** May search the lists and keep a party register. */
    static final Set<Role> SCREENERS = EnumSet.of(Role.EXPORTER, Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER);
    /** May read parties and alerts. */
    static final Set<Role> READERS =
            EnumSet.of(Role.EXPORTER, Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER, Role.OVERSIGHT);
    /** May import a new list version. */
    static final Set<Role> LIST_ADMINS = EnumSet.of(Role.ADMIN);

    private ScreeningAccess() {}

    /** Changes and decisions stay with the organisation that owns the register, even for readers across organisations. */
    static void requireOwn(Caller caller, java.util.UUID owner, String what) {
        if (!caller.organisationId().equals(owner)) {
            throw new AccessDeniedException("You may not " + what);
        }
    }

    static void require(Caller caller, Set<Role> roles, String what) {
        if (roles.stream().noneMatch(caller::hasRole)) {
            throw new AccessDeniedException("Your roles do not allow you to " + what);
        }
    }
}
