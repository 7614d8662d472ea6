package org.pallas.server.identity;

import java.util.EnumSet;
import java.util.Set;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;

/**
 * Which roles a member of each kind of organisation may hold. An exporter's staff can never hold an
 * authority or oversight role: that would let a vendor read other vendors' cases.
 */
final class RoleRules {

    private RoleRules() {}

    static Set<Role> allowed(OrganisationKind kind) {
        return switch (kind) {
            case EXPORTER -> EnumSet.of(Role.EXPORTER);
            case LICENSING_AUTHORITY -> EnumSet.of(Role.CASEWORKER, Role.SENIOR_OFFICER, Role.AUDITOR, Role.ADMIN);
            case ADVISORY_DEPARTMENT -> EnumSet.of(Role.ADVISER);
            case OVERSIGHT_BODY -> EnumSet.of(Role.OVERSIGHT, Role.AUDITOR);
            case CIVIL_SOCIETY -> EnumSet.noneOf(Role.class);
        };
    }
}
