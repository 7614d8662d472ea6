package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP tlog-proof files over the reference tree. */
class TlogProofTest {
    private final NoteSigner log = signer();

    @Test
    void roundTripsAndVerifiesOfflineAgainstTheLogKey() throws Exception {
        byte[] checkpoint = Note.sign(new Checkpoint("pallas.test/ledger", 8, ReferenceTree.root(8)).text(), log)
                .encode();
        InclusionProof inclusion = new ProofBuilder(ReferenceTree.tree(8)).inclusionProof(5, 8);
        TlogProof proof = new TlogProof(5, inclusion.hashes(), checkpoint);

        String text = new String(proof.encode(), StandardCharsets.UTF_8);
        assertThat(text)
                .isEqualTo("c2sp.org/tlog-proof@v1\nindex 5\n"
                        + "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms=\n"
                        + "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=\n"
                        + "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc=\n\n"
                        + new String(checkpoint, StandardCharsets.UTF_8));
        TlogProof parsed = TlogProof.parse(proof.encode());

        assertThat(parsed.verify(ReferenceTree.input(5), List.of(log.verifier()))
                        .size())
                .isEqualTo(8);
        assertThatThrownBy(() -> parsed.verify(ReferenceTree.input(4), List.of(log.verifier())))
                .isInstanceOf(InclusionProofException.class);
    }

    @Test
    void ignoresTheUnauthenticatedExtraLine() throws Exception {
        byte[] checkpoint = Note.sign(new Checkpoint("pallas.test/ledger", 1, ReferenceTree.root(1)).text(), log)
                .encode();
        String file =
                "c2sp.org/tlog-proof@v1\nextra aGVsbG8=\nindex 0\n\n" + new String(checkpoint, StandardCharsets.UTF_8);

        TlogProof proof = TlogProof.parse(file.getBytes(StandardCharsets.UTF_8));

        assertThat(proof.index()).isZero();
        assertThat(proof.verify(ReferenceTree.input(0), List.of(log.verifier())).size())
                .isEqualTo(1);
    }

    @Test
    void rejectsMalformedProofFiles() {
        assertMalformed("c2sp.org/tlog-proof@v2\nindex 0\n\nx", "tlog-proof line 1 must be c2sp.org/tlog-proof@v1");
        assertMalformed("c2sp.org/tlog-proof@v1\nindex 01\n\nx", "tlog-proof line 2 must be \"index <decimal>\"");
        assertMalformed(
                "c2sp.org/tlog-proof@v1\nindex 0\nAAAA\n\nx", "tlog-proof line 3: hash is 3 bytes, expected 32");
        assertMalformed("c2sp.org/tlog-proof@v1\nindex 0\n", "tlog-proof has no blank line before the checkpoint");
    }

    private static void assertMalformed(String file, String message) {
        assertThatThrownBy(() -> TlogProof.parse(file.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage(message);
    }

    private static NoteSigner signer() {
        try {
            return NoteSigner.fromSeed("pallas.test/ledger", new byte[32]);
        } catch (NoteFormatException e) {
            throw new IllegalStateException(e);
        }
    }
}
