package org.pallas.server.platform;

import java.util.Set;

/**
 * A tile of the home dashboard, contributed as a bean by any module. Shown to callers holding one of
 * {@code roles} (empty: everyone signed in), sorted by order. Either static {@code text} or a
 * Thymeleaf {@code fragment} expression (e.g. {@code "ledger/tiles :: size"}) which is rendered with
 * {@code caller} in the model and may call beans ({@code ${@ledgerStats.size()}}).
 */
public record DashboardTile(
        String title, String text, String fragment, String linkPath, String linkLabel, Set<Role> roles, int order) {

    public DashboardTile {
        roles = Set.copyOf(roles);
    }

    public static DashboardTile text(
            String title, String text, String linkPath, String linkLabel, Set<Role> roles, int order) {
        return new DashboardTile(title, text, null, linkPath, linkLabel, roles, order);
    }

    public static DashboardTile fragment(String title, String fragment, Set<Role> roles, int order) {
        return new DashboardTile(title, null, fragment, null, null, roles, order);
    }

    public boolean visibleTo(Caller caller) {
        return roles.isEmpty() || roles.stream().anyMatch(caller::hasRole);
    }
}
