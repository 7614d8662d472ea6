package org.pallas.server.platform;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/**
 * An after-commit listener of the shared test context that fails on request: it fails the first delivery of each
 * probe it was told to fail, and notes every delivery that succeeds.
 */
@Component
class RedeliveryProbe {

    /** A test-only event (no other listener hears it). */
    public record Probed(UUID id) {}

    private final Set<UUID> failOnce = ConcurrentHashMap.newKeySet();
    private final List<UUID> delivered = new CopyOnWriteArrayList<>();

    void failOnce(UUID id) {
        failOnce.add(id);
    }

    List<UUID> delivered() {
        return List.copyOf(delivered);
    }

    @AfterCommitListener
    void on(Probed probed) {
        if (failOnce.remove(probed.id())) {
            throw new IllegalStateException("failing the first delivery of " + probed.id() + ", as the test asked");
        }
        delivered.add(probed.id());
    }
}
