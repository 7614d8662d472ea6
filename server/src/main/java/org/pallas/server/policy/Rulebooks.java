package org.pallas.server.policy;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pallas.policy.Rulebook;
import org.springframework.stereotype.Component;

/**
 * The rulebook versions this server knows, by version: the active one assesses new applications; every earlier
 * one stays loadable so that an assessment can be re-run against the version it recorded.
 */
@Component
class Rulebooks {

    private final Map<String, Rulebook> byVersion = new ConcurrentHashMap<>();
    private volatile Rulebook active;

    Rulebooks(Rulebook shippedRulebook) {
        activate(shippedRulebook);
    }

    Rulebook active() {
        return active;
    }

    Optional<Rulebook> find(String version) {
        return Optional.ofNullable(byVersion.get(version));
    }

    void activate(Rulebook rulebook) {
        byVersion.put(rulebook.version(), rulebook);
        active = rulebook;
    }
}
