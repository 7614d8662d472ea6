package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.pallas.ledger.record.CanonicalJson;

/**
 * The 196 positive and negative JSON probes of transparency-dev/merkle testdata (reference §2.6), copied with
 * their licence into src/test/resources/merkle-testdata.
 */
class PublishedProofVectorsTest {
    /**
     * Our one deliberate deviation from Go: it accepts equal sizes with equal 12-byte "roots"; we require every
     * root to be a 32-byte hash (reference §1.6, "every hash is 32 bytes").
     */
    private static final String STRICTER_THAN_GO = "consistency/additional/sizes-are-equal-one-and-proof-is-empty.json";

    @Test
    void readsAllPublishedProbes() throws Exception {
        assertThat(files("inclusion")).hasSize(98);
        assertThat(files("consistency")).hasSize(98);
    }

    @TestFactory
    Stream<DynamicTest> agreesWithEveryInclusionProbe() throws Exception {
        return files("inclusion").stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    Map<String, Object> v = json(file);
                    InclusionProof proof = new InclusionProof(
                            uint64(v.get("leafIdx")), uint64(v.get("treeSize")), hashes(v.get("proof")));
                    byte[] leaf = b64(v.get("leafHash"));
                    byte[] root = b64(v.get("root"));
                    if ((Boolean) v.get("wantErr")) {
                        assertThatThrownBy(() -> proof.verify(leaf, root)).isInstanceOf(InclusionProofException.class);
                    } else {
                        proof.verify(leaf, root);
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> agreesWithEveryConsistencyProbe() throws Exception {
        return files("consistency").stream()
                .map(file -> DynamicTest.dynamicTest(name(file), () -> {
                    Map<String, Object> v = json(file);
                    ConsistencyProof proof = new ConsistencyProof(
                            uint64(v.get("size1")), uint64(v.get("size2")), hashes(v.get("proof")));
                    byte[] root1 = b64(v.get("root1"));
                    byte[] root2 = b64(v.get("root2"));
                    boolean wantErr = (Boolean) v.get("wantErr") || name(file).equals(STRICTER_THAN_GO);
                    if (wantErr) {
                        assertThatThrownBy(() -> proof.verify(root1, root2))
                                .isInstanceOf(ConsistencyProofException.class);
                    } else {
                        proof.verify(root1, root2);
                    }
                }));
    }

    @Test
    void rejectsEqualSizesWithRootsThatAreNotHashesUnlikeGo() throws Exception {
        Map<String, Object> v = json(dir().resolve(STRICTER_THAN_GO));
        assertThat(v.get("wantErr")).isEqualTo(false);
        assertThatThrownBy(() -> new ConsistencyProof(1, 1, List.of()).verify(b64(v.get("root1")), b64(v.get("root2"))))
                .hasMessage("root of tree size 1 must be a 32-byte hash, got 12 bytes (646f6e277420636172652032)");
    }

    private static List<Path> files(String kind) throws IOException, URISyntaxException {
        try (Stream<Path> s = Files.walk(dir().resolve(kind))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path dir() throws URISyntaxException {
        return Path.of(
                PublishedProofVectorsTest.class.getResource("/merkle-testdata").toURI());
    }

    private static String name(Path file) {
        try {
            return dir().relativize(file).toString().replace('\\', '/');
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) throws Exception {
        return (Map<String, Object>) CanonicalJson.parse(Files.readString(file));
    }

    private static List<byte[]> hashes(Object proof) {
        List<byte[]> out = new ArrayList<>();
        if (proof instanceof List<?> list) {
            for (Object o : list) {
                out.add(b64(o));
            }
        }
        return out;
    }

    /** The probes hold Go uint64 values; values above 2^63-1 wrap to negative longs, which we reject. */
    private static long uint64(Object value) {
        return ((Number) value).longValue();
    }

    private static byte[] b64(Object value) {
        return Base64.getDecoder().decode((String) value);
    }
}
