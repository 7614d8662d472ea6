package org.pallas.screening;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The list versions in use and the index over them. Installing a version is atomic: the new index is
 * built completely before it replaces the old one in a single reference swap, so a query sees either
 * the old lists or the new ones, never a mixture, and a failed import leaves everything as it was.
 */
public final class ListCatalogue {
    /** The versions in use and their index, replaced together. */
    public record Snapshot(Map<String, ListVersion> versions, ScreeningIndex index) {
        public Snapshot {
            versions = Map.copyOf(versions);
        }
    }

    private final ScoringConfig config;
    private final AtomicReference<Snapshot> current;

    public ListCatalogue(ScoringConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.current =
                new AtomicReference<>(new Snapshot(Map.of(), ScreeningIndex.ofEntries(List.of(), List.of(), config)));
    }

    public Snapshot snapshot() {
        return current.get();
    }

    /**
     * Puts {@code version} in use in place of the previous version of its source and returns what
     * changed, for delta re-screening. Concurrent installs are serialised.
     */
    public synchronized ListDelta install(ListVersion version) {
        return installAll(List.of(version)).get(version.source());
    }

    /**
     * Puts several versions in use with a single index build (a first load, or a restart) and returns
     * what changed per source. The swap is atomic for all of them together.
     */
    public synchronized Map<String, ListDelta> installAll(Collection<ListVersion> versions) {
        Snapshot before = current.get();
        Map<String, ListVersion> all = new LinkedHashMap<>(before.versions());
        Map<String, ListDelta> deltas = new LinkedHashMap<>();
        for (ListVersion version : versions) {
            ListVersion previous = all.put(version.source(), version);
            deltas.put(version.source(), ListDelta.between(previous, version));
        }
        ScreeningIndex index = ScreeningIndex.build(all.values(), config);
        current.set(new Snapshot(all, index));
        return deltas;
    }
}
