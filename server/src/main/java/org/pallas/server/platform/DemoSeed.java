package org.pallas.server.platform;

import java.util.List;

/**
 * Demo data contributed by a module. Seeds run once each, in {@link #order()}, on the first start in
 * embedded mode or when {@code pallas.demo.enabled=true}; never against an external database unless
 * that property is set. Each seed runs in its own transaction.
 */
public interface DemoSeed {

    /** Seeds run in ascending order; identity is 0. */
    int order();

    /** A stable name recorded once the seed ran. */
    default String name() {
        return getClass().getName();
    }

    void seed();

    /** Lines for the start-up banner (printed at every start in demo mode), e.g. the logins. */
    default List<String> bannerLines() {
        return List.of();
    }
}
