package org.pallas.screening;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.pallas.screening.evaluation.BundledLists;

/** The shared data folder and the bundled lists, imported once per test JVM. */
public final class SharedData {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static List<ListVersion> versions;
    private static ScreeningIndex index;

    private SharedData() {
    }

    public static Path shared() {
        String p = System.getProperty("pallas.shared");
        if (p == null || !Files.isDirectory(Path.of(p))) {
            throw new IllegalStateException("system property pallas.shared must name the shared data folder, got " + p);
        }
        return Path.of(p);
    }

    public static Path sanctions() {
        return shared().resolve("data/sanctions");
    }

    public static Path eval(String file) {
        return sanctions().resolve("eval").resolve(file);
    }

    public static synchronized List<ListVersion> bundled() throws Exception {
        if (versions == null) {
            versions = BundledLists.importAll(sanctions(), CLOCK);
        }
        return versions;
    }

    public static synchronized ScreeningIndex bundledIndex() throws Exception {
        if (index == null) {
            index = ScreeningIndex.build(bundled(), ScoringConfig.defaults());
        }
        return index;
    }

    public static ListVersion bundled(String source) throws Exception {
        return bundled().stream().filter(v -> v.source().equals(source)).findFirst().orElseThrow();
    }
}
