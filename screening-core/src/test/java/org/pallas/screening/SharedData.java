package org.pallas.screening;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.pallas.screening.evaluation.BundledLists;

/**
 * The test data in the checkout, shared by the tests: the lists the server ships, the test-only lists and the
 * evaluation sets of {@value BundledLists#TEST_ONLY} (origins and licences in its SOURCES.md), and the bundled
 * lists imported once per test JVM.
 */
public final class SharedData {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    private static List<ListVersion> versions;
    private static ScreeningIndex index;

    private SharedData() {}

    /** The checkout: Surefire sets {@code pallas.checkout}; otherwise the parent of the module directory. */
    static Path checkout() {
        return Path.of(System.getProperty("pallas.checkout", ".."))
                .toAbsolutePath()
                .normalize();
    }

    /** The lists the tests use but the server does not ship (2021 SDN extract, FtM sample). */
    public static Path testOnlyLists() {
        return checkout().resolve(BundledLists.TEST_ONLY);
    }

    /** The lists the server ships. */
    public static Path shippedLists() {
        return checkout().resolve(BundledLists.SHIPPED);
    }

    public static Path evalFolder() {
        return testOnlyLists().resolve("eval");
    }

    public static Path eval(String file) {
        return evalFolder().resolve(file);
    }

    public static synchronized List<ListVersion> bundled() throws Exception {
        if (versions == null) {
            versions = BundledLists.importAll(BundledLists.inCheckout(checkout()), CLOCK);
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
        return bundled().stream()
                .filter(v -> v.source().equals(source))
                .findFirst()
                .orElseThrow();
    }
}
