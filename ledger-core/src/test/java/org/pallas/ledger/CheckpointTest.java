package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** tlog-checkpoint parse vectors of reference §2.7 (i), plus the stricter rules of §1.9 and §1.13. */
class CheckpointTest {
    private static final String ROOT = "bjQLnP+zepicpUTmu3gKLHiQHT+zNzh2hRGjBhevoB0=";

    @Test
    void formatsAndParsesACheckpointWithExtensionLines() throws Exception {
        Checkpoint c = new Checkpoint("example.com/log", 1, ReferenceTree.root(1), List.of("Timestamp: 1"));

        assertThat(c.text()).isEqualTo("example.com/log\n1\n" + ROOT + "\nTimestamp: 1\n");
        assertThat(Checkpoint.parse(c.text())).isEqualTo(c);
    }

    @Test
    void formatsTheSizeWithoutLeadingZeros() {
        assertThat(new Checkpoint("Banana", 9944, ReferenceTree.root(8)).text())
                .isEqualTo("Banana\n9944\nXcnaeacGWamtVZy3Ad7ZoqudgjqtL0lgz+Nw7/RgQyg=\n");
        assertThat(new Checkpoint("Log", 0, MerkleHash.emptyRoot()).text())
                .isEqualTo("Log\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            Log\\n123\\n|checkpoint has 2 lines, needs origin, size and root hash
            \\n123\\nROOT\\n|checkpoint line 1 is empty
            Log\\n123\\nROOT|checkpoint does not end with a newline
            Log\\nabc\\nROOT\\n|checkpoint line 2: tree size "abc" is not a decimal number without sign or leading zeros
            Log\\n-34\\nROOT\\n|checkpoint line 2: tree size "-34" is not a decimal number without sign or leading zeros
            Log\\n+5\\nROOT\\n|checkpoint line 2: tree size "+5" is not a decimal number without sign or leading zeros
            Log\\n007\\nROOT\\n|checkpoint line 2: tree size "007" is not a decimal number without sign or leading zeros
            Log\\n18446744073709551616\\nROOT\\n|checkpoint line 2: tree size "18446744073709551616" is not a decimal number without sign or leading zeros
            Log\\n9223372036854775808\\nROOT\\n|checkpoint line 2: tree size 9223372036854775808 exceeds 2^63-1
            Log\\n123\\n!!!\\n|checkpoint line 3: root hash: not canonical padded base64: "!!!"
            Log\\n123\\nYmFuYW5hcw==\\n|checkpoint line 3: root hash is 7 bytes, expected 32
            Log\\n123\\nYmFuYW5hcw\\n|checkpoint line 3: root hash: not canonical padded base64: "YmFuYW5hcw"
            Log\\n123\\nROOT\\n\\n|checkpoint line 4 is empty
            """)
    void rejectsMalformedCheckpoints(String text, String error) {
        String body = text.replace("\\n", "\n").replace("ROOT", ROOT);
        assertThatThrownBy(() -> Checkpoint.parse(body))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessage(error);
    }

    @Test
    void rejectsARootWithNonCanonicalTrailingBits() {
        String nonCanonical = ROOT.substring(0, 42) + "1=";
        assertThatThrownBy(() -> Checkpoint.parse("Log\n1\n" + nonCanonical + "\n"))
                .isInstanceOf(CheckpointFormatException.class)
                .hasMessageContaining("not canonical padded base64");
    }

    @Test
    void opensASignedCheckpointAndRejectsItsAlteredSize() throws Exception {
        NoteSigner signer = NoteSigner.fromSeed("example.com/log", new byte[32]);
        Checkpoint c = new Checkpoint("example.com/log", 8, ReferenceTree.root(8));
        byte[] signed = Note.sign(c.text(), signer).encode();

        assertThat(Checkpoint.open(signed, List.of(signer.verifier()))).isEqualTo(c);

        byte[] altered = new String(signed, StandardCharsets.UTF_8)
                .replace("\n8\n", "\n9\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> Checkpoint.open(altered, List.of(signer.verifier())))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage("invalid signature by trusted key example.com/log+"
                        + String.format(java.util.Locale.ROOT, "%08x", signer.keyId()));
    }
}
