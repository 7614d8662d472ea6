package org.pallas.server.platform;

import java.util.Set;

/**
 * An entry of the main navigation, contributed as a bean by any module. The layout shows the items
 * whose roles the caller holds (an empty role set: every signed-in user), sorted by order.
 */
public record NavigationItem(String label, String path, Set<Role> roles, int order) {

    public NavigationItem {
        roles = Set.copyOf(roles);
    }

    public boolean visibleTo(Caller caller) {
        return roles.isEmpty() || roles.stream().anyMatch(caller::hasRole);
    }
}
