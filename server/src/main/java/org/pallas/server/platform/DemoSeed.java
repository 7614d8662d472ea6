package org.pallas.server.platform;

import java.util.List;

/**
 * Demo data contributed by a module. Seeds run once each, in {@link #order()}, on the first start in
 * embedded mode or when {@code pallas.demo.enabled=true}; never against an external database unless
 * that property is set. Each seed runs in its own transaction. A seed that needs something loaded after
 * start (the restricted-party lists) names the event that says so in {@link #runsAfter()}.
 */
public interface DemoSeed {

    /** Seeds run in ascending order; identity is 0. */
    int order();

    /** A stable name recorded once the seed ran. */
    default String name() {
        return getClass().getName();
    }

    void seed();

    /**
     * The type of the application event this seed waits for, or null to run at start (before the application is
     * ready). A waiting seed runs when the first such event is published, after every seed that runs at start.
     */
    default Class<?> runsAfter() {
        return null;
    }

    /**
     * Lines for the start-up banner, e.g. the logins; printed at every start in demo mode once every seed has run
     * (or found it had run before).
     */
    default List<String> bannerLines() {
        return List.of();
    }
}
