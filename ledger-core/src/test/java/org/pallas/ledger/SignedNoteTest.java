package org.pallas.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** C2SP signed-note vectors of reference §2.7 (a) to (f). */
class SignedNoteTest {
    static final String PETER_SKEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
    static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    static final String PETER_TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";
    static final String PETER_SIG =
            "\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";
    static final String ENOCH_VKEY = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop";
    static final String ENOCH_SIG =
            "\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n";

    @Test
    void verifiesTheC2spSpecExample() throws Exception {
        NoteVerifier key = NoteVerifier.parse("example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k");
        assertThat(HexFormat.of().formatHex(key.publicKey()))
                .isEqualTo("e932791ae6e7a840a46164c904786426d5e7821dd8b29a00d61cae72afdd4da4");
        String message = "This is an example message.\n\n\u2014 example.com/foo "
                + "Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";

        Note.VerifiedNote verified = Note.parse(utf8(message)).verify(List.of(key));

        assertThat(verified.note().text()).isEqualTo("This is an example message.\n");
        assertThat(verified.verified()).hasSize(1);
    }

    @Test
    void reproducesTheDeterministicPeterNeumannSignatureFromItsPublishedSeed() throws Exception {
        NoteSigner signer = NoteSigner.parse(PETER_SKEY);

        assertThat(signer.verifier().encode()).isEqualTo(PETER_VKEY);
        assertThat(signer.encode()).isEqualTo(PETER_SKEY);
        assertThat(signer.sign(PETER_TEXT).line()).isEqualTo(PETER_SIG);
        assertThat(new String(Note.sign(PETER_TEXT, signer).encode(), StandardCharsets.UTF_8))
                .isEqualTo(PETER_TEXT + "\n" + PETER_SIG);
    }

    @Test
    void derivesTheKeyIdFromNameTypeAndPublicKey() throws Exception {
        NoteSigner signer = NoteSigner.fromSeed(
                "PeterNeumann",
                HexFormat.of().parseHex("810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173"));
        assertThat(signer.keyId()).isEqualTo(0xc74f20a3);
        assertThat(HexFormat.of().formatHex(signer.verifier().publicKey()))
                .isEqualTo("1a5cd907143c384c41e830c5bce12aa8817ec5649aaabf2c31388b35b2d744d6");
    }

    @Test
    void keepsSignaturesFromUnknownKeysButDoesNotCountThem() throws Exception {
        Note note = Note.parse(utf8(PETER_TEXT + "\n" + PETER_SIG + ENOCH_SIG));

        Note.VerifiedNote onlyPeter = note.verify(List.of(NoteVerifier.parse(PETER_VKEY)));
        assertThat(onlyPeter.verified()).extracting(NoteSignature::keyName).containsExactly("PeterNeumann");
        assertThat(onlyPeter.unverified()).extracting(NoteSignature::keyName).containsExactly("EnochRoot");
        assertThat(note.encode()).isEqualTo(utf8(PETER_TEXT + "\n" + PETER_SIG + ENOCH_SIG));

        Note.VerifiedNote both = note.verify(List.of(NoteVerifier.parse(PETER_VKEY), NoteVerifier.parse(ENOCH_VKEY)));
        assertThat(both.verified()).hasSize(2);
    }

    @Test
    void addsAWitnessCosignatureThatSurvivesReencoding() throws Exception {
        NoteSigner log = NoteSigner.generate("pallas.example/ledger", new java.security.SecureRandom());
        NoteSigner witness = NoteSigner.generate("witness.example", new java.security.SecureRandom());
        String text = new Checkpoint("pallas.example/ledger", 8, ReferenceTree.root(8)).text();

        Note cosigned = Note.parse(
                Note.sign(text, log).withSignature(witness.sign(text)).encode());

        assertThat(cosigned.signatures())
                .extracting(NoteSignature::keyName)
                .containsExactly("pallas.example/ledger", "witness.example");
        assertThat(cosigned.verify(List.of(log.verifier())).unverified())
                .extracting(NoteSignature::keyName)
                .containsExactly("witness.example");
        assertThat(cosigned.verify(List.of(log.verifier(), witness.verifier())).verified())
                .hasSize(2);
        assertThat(NoteSigner.parse(log.encode()).verifier().encode())
                .isEqualTo(log.verifier().encode());
    }

    @Test
    void rejectsANoteWithoutAnyTrustedSignature() throws Exception {
        Note note = Note.parse(utf8(PETER_TEXT + "\n" + PETER_SIG));
        assertThatThrownBy(() -> note.verify(List.of(NoteVerifier.parse(ENOCH_VKEY))))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage(
                        "note has no verifiable signatures: signed by [PeterNeumann+c74f20a3], trusted keys are [EnochRoot+af0cfe78]");
    }

    @Test
    void rejectsAmbiguousTrustedKeys() throws Exception {
        Note note = Note.parse(utf8(PETER_TEXT + "\n" + PETER_SIG));
        assertThatThrownBy(() -> note.verify(List.of(NoteVerifier.parse(PETER_VKEY), NoteVerifier.parse(PETER_VKEY))))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage("ambiguous key: two trusted keys named PeterNeumann with key ID c74f20a3");
    }

    @Test
    void rejectsTheWholeNoteWhenATrustedKeySignatureIsCorrupt() throws Exception {
        String corrupt = PETER_SIG.replace("x08go/ZJ", "x08go/ZK");
        Note note = Note.parse(utf8(PETER_TEXT + "\n" + corrupt + ENOCH_SIG));
        assertThatThrownBy(() -> note.verify(List.of(NoteVerifier.parse(PETER_VKEY), NoteVerifier.parse(ENOCH_VKEY))))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage("invalid signature by trusted key PeterNeumann+c74f20a3");
    }

    @Test
    void rejectsSignaturesOverAlteredText() throws Exception {
        Note note = Note.parse(utf8(PETER_TEXT.replace("answer", "Answer") + "\n" + PETER_SIG));
        assertThatThrownBy(() -> note.verify(List.of(NoteVerifier.parse(PETER_VKEY))))
                .isInstanceOf(NoteVerificationException.class)
                .hasMessage("invalid signature by trusted key PeterNeumann+c74f20a3");
    }

    @Test
    void rejectsMalformedNotes() {
        assertMalformed(PETER_TEXT + PETER_SIG, "note has no blank line between text and signatures");
        assertMalformed(PETER_TEXT + "\n" + PETER_SIG.strip(), "note does not end with a newline");
        assertMalformed("\u0001" + PETER_TEXT + "\n" + PETER_SIG, "note contains control character U+0001 on line 1");
        assertMalformed(
                PETER_TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "Peter Neumann"),
                "signature line 4: not canonical padded base64: \"Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\"");
        assertMalformed(
                PETER_TEXT + "\n" + PETER_SIG.replace("PeterNeumann", "Peter+Neumann"),
                "signature line 4 has an invalid key name \"Peter+Neumann\"");
        assertMalformed(
                PETER_TEXT + "\n" + PETER_SIG + "trailing\n", "line 5 is not a signature line (\"— name signature\")");
        assertMalformed(PETER_TEXT + "\n" + "\u2014 PeterNeumann AAAA\n", "signature line 4 is too short: 3 bytes");
        assertMalformed(
                PETER_TEXT + "\n" + "\u2014 PeterNeumann x08go/ZJkuBS9UG\n",
                "signature line 4: not canonical padded base64: \"x08go/ZJkuBS9UG\"");
        assertThatThrownBy(() -> Note.parse(new byte[] {'a', '\n', '\n', (byte) 0xff, '\n'}))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage("note is not valid UTF-8");
    }

    @Test
    void acceptsOneHundredSignaturesButNotOneHundredAndOne() throws Exception {
        StringBuilder sigs = new StringBuilder();
        List<NoteVerifier> none = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sigs.append(PETER_SIG);
        }
        Note hundred = Note.parse(utf8(PETER_TEXT + "\n" + sigs));
        assertThat(hundred.signatures()).hasSize(100);
        assertThat(hundred.verify(List.of(NoteVerifier.parse(PETER_VKEY))).verified())
                .hasSize(1);
        assertThat(none).isEmpty();
        assertMalformed(PETER_TEXT + "\n" + sigs + PETER_SIG, "note has 101 signatures, more than 100");
    }

    @Test
    void parsesVerifierKeysWhoseBase64ContainsAPlus() throws Exception {
        NoteVerifier key =
                NoteVerifier.parse("localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6");
        assertThat(key.name()).isEqualTo("localhost.localdev/sumdb");
        assertThat(HexFormat.of().formatHex(key.publicKey()))
                .isEqualTo("c4eb9e46d403e4d4e21798de1923892112fc34909e206a21e43f629a4052d2ba");
        NoteSigner signer = NoteSigner.parse(
                "PRIVATE+KEY+localhost.localdev/sumdb+00000c67+AXu6+oaVaOYuQOFrf1V59JK1owcFlJcHwwXHDfDGxSPk");
        assertThat(signer.verifier().encode()).isEqualTo(key.encode());
    }

    @Test
    void acceptsKeyNamesOutsideTheBasicPlaneAndRejectsUnicodeSpaces() throws Exception {
        NoteSigner signer = NoteSigner.fromSeed("log.example/\uD836\uDC00", new byte[32]);
        assertThat(NoteVerifier.parse(signer.verifier().encode()).name()).isEqualTo("log.example/\uD836\uDC00");
        for (String space : List.of("\u00a0", "\u2007", "\u202f", "\u0085", "\u3000")) {
            assertThatThrownBy(() -> NoteSigner.fromSeed("log" + space + "example", new byte[32]))
                    .isInstanceOf(NoteFormatException.class);
        }
    }

    @Test
    void rejectsVerifierKeysWithAWrongKeyIdOrType() {
        assertThatThrownBy(
                        () -> NoteVerifier.parse("PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage("verifier key for PeterNeumann declares key ID c74f20a4 but its key has ID c74f20a3");
        assertThatThrownBy(
                        () -> NoteVerifier.parse("PeterNeumann+c74f20a3+Ahpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage(
                        "verifier key for PeterNeumann must be 0x01 (Ed25519) followed by a 32-byte public key, got 33 bytes of type 0x02");
        assertThatThrownBy(() -> NoteVerifier.parse("PeterNeumann"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage("verifier key must be <name>+<hex8>+<base64>, got \"PeterNeumann\"");
        assertThatThrownBy(() ->
                        NoteVerifier.parse("Peter\u00a0Neumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageStartingWith("invalid key name");
    }

    @Test
    void verifiesTheGoChecksumDatabaseTreeNotesAndRejectsTheTypoedOrigin() throws Exception {
        List<NoteVerifier> key = List.of(
                NoteVerifier.parse("localhost.localdev/sumdb+00000c67+AcTrnkbUA+TU4heY3hkjiSES/DSQniBqIeQ/YppAUtK6"));
        String five = "go.sum database tree\n5\nnWzN20+pwMt62p7jbv1/NlN95ePTlHijabv5zO/s36w=\n";
        String sig5 =
                "\u2014 localhost.localdev/sumdb AAAMZ5/2FVAdMH58kmnz/0h299pwyskEbzDzoa2/YaPdhvLya4YWDFQQxu2TQb5GpwAH4NdWnTwuhILafisyf3CNbgg=\n";
        String six = "go.sum database tree\n6\nwc4SkQt52o5W2nQ8To2ARs+mWuUJjss+sdleoiqxMmM=\n";
        String sig6 =
                "\u2014 localhost.localdev/sumdb AAAMZ6oRNswlEZ6ZZhxrCvgl1MBy+nusq4JU+TG6Fe2NihWLqOzb+y2c2kzRLoCr4tvw9o36ucQEnhc20e4nA4Qc/wc=\n";

        assertThat(Checkpoint.open(utf8(five + "\n" + sig5), key).size()).isEqualTo(5);
        assertThat(Checkpoint.open(utf8(six + "\n" + sig6), key).size()).isEqualTo(6);
        assertThatThrownBy(() -> Checkpoint.open(utf8(five.replace("tree", "tree!") + "\n" + sig5), key))
                .isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void verifiesTheRealSumGolangOrgCheckpoint() throws Exception {
        String note = "go.sum database tree\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n"
                // The C2SP tlog-checkpoint example signature (key ID 033de0ae), under its real signer's name.
                + "\u2014 sum.golang.org Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n";
        List<NoteVerifier> key =
                List.of(NoteVerifier.parse("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"));

        Checkpoint checkpoint = Checkpoint.open(utf8(note), key);

        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(MerkleHash.hex(checkpoint.rootHash()))
                .isEqualTo("0ac5186a91863e8e1d90c808014aa89bf5da8e3ee1d9f07630f0378f68f1ab62");
        assertThatThrownBy(() ->
                        Checkpoint.open(utf8(note.replace("go.sum database tree", "example.com/behind-the-sofa")), key))
                .isInstanceOf(NoteVerificationException.class);
    }

    @Test
    void verifiesTheRekorV2LocalCheckpointAndItsSingleLeaf() throws Exception {
        String note = "rekor-local\n1\nm5JVGx4ESzbU2kFUPgYQ9adCA7e7mjnwQRluEmGJbHU=\n\n"
                + "\u2014 rekor-local 2AtEIIwnbtxrneJ7L1lQebfBRl7TxK84DTmx+kcZi7A25cBDgESI23f9ylThAlOireJ7U+H8eZF/4kJQcn9o5Qt8mQU=\n";
        NoteVerifier key = NoteVerifier.of(
                "rekor-local",
                HexFormat.of().parseHex("444bc9c8d6468d7e81dc3008b83dc14e0f6b230574d0663c5e0e4553e2050d44"));
        assertThat(key.encode()).isEqualTo("rekor-local+d80b4420+AURLycjWRo1+gdwwCLg9wU4PayMFdNBmPF4ORVPiBQ1E");

        Checkpoint checkpoint = Checkpoint.open(utf8(note), List.of(key));

        new InclusionProof(0, 1, List.of())
                .verify(
                        HexFormat.of().parseHex("9b92551b1e044b36d4da41543e0610f5a74203b7bb9a39f041196e1261896c75"),
                        checkpoint.rootHash());
    }

    @Test
    void verifiesTheRekorV2StagingCheckpointAndItsSixHashInclusionProof() throws Exception {
        String note = "log2025-alpha1.rekor.sigstage.dev\n4424\nvz8cWrY7CxbLJb3KSgqqhJ36LYWBmsHQIosDW+jz6Mo=\n\n"
                + "\u2014 log2025-alpha1.rekor.sigstage.dev 8w1ambRbXNoVP7oYsfLKBZszx0NESaWaSswYn/enUk/olcaQjGuCTmN8GheotGFBLvbP+QcswGIIyDOJPyHYoVODCw4=\n";
        NoteVerifier key = NoteVerifier.parse(
                "log2025-alpha1.rekor.sigstage.dev+f30d5a99+AT5/gERB6AWme8IEtcwaqcZi0hp8ocV4+JRcUnVlQfKP");
        Checkpoint checkpoint = Checkpoint.open(utf8(note), List.of(key));
        List<byte[]> path = List.of(
                        "3531c68452d0b31d6c36944562c2fca235e8aef6bcd351ea598d1598570e746f",
                        "98d60a19d1c1f76f9d7d8a9bc40680980130262a27449448264a7d1ddf6a0042",
                        "ed9e525b97e20a87a78b802239ac47dbdf9fcbfc87bf1a09b3434882be36d396",
                        "a677eb0a7fb33089dd576a128952605300d497cefbfadb1c55e9449fca1c9828",
                        "63d747b5d161a607e6ba56c715b634940dc6cb7409a1ff366ae09ffc4a18a695",
                        "c5b0ec1a7c5fd6c881c961c4ba22bce69d2b79009a28a5948dff18365f6cfd5a")
                .stream()
                .map(HexFormat.of()::parseHex)
                .toList();
        byte[] leaf = HexFormat.of().parseHex("81bb470bf48d61c830e66651a0917c90aa1ec8dd6d946bf49fd353fd25cf0c91");

        new InclusionProof(4423, checkpoint.size(), path).verify(leaf, checkpoint.rootHash());
        assertThat(MerkleHash.hex(checkpoint.rootHash()))
                .isEqualTo("bf3f1c5ab63b0b16cb25bdca4a0aaa849dfa2d85819ac1d0228b035be8f3e8ca");
        assertThatThrownBy(() -> new InclusionProof(4422, checkpoint.size(), path).verify(leaf, checkpoint.rootHash()))
                .isInstanceOf(InclusionProofException.class);
    }

    @Test
    void keepsTheRekorV1EcdsaSignatureAsAnUnknownSignature() throws Exception {
        // Type 0x02 ECDSA keys are not supported; the note still parses and the signature is kept, not trusted.
        String note =
                "rekor.sigstore.dev - 2605736670972794746\n37795272\n60ll7idWI1jYRZzxc+jKflYoW+4jWxgZaGR15ASsWt4=\n"
                        + "Timestamp: 1697034484441201852\n\n"
                        + "\u2014 rekor.sigstore.dev wNI9ajBGAiEAlWUH2HSPa6IMIRBgFcIXph3Mj9xM70WR0VVADvGIl/oCIQCgfvUUjR/X5jewlqpAWI8NuJIicKpTG64vo6UM5fpSgQ==\n";
        Note parsed = Note.parse(utf8(note));
        assertThat(parsed.signatures().get(0).keyIdHex()).isEqualTo("c0d23d6a");
        Checkpoint checkpoint = Checkpoint.parse(parsed.text());
        assertThat(checkpoint.extensions()).containsExactly("Timestamp: 1697034484441201852");
        assertThat(checkpoint.text()).isEqualTo(parsed.text());
        assertThat(parsed.encode()).isEqualTo(utf8(note));
    }

    private static void assertMalformed(String message, String error) {
        assertThatThrownBy(() -> Note.parse(utf8(message)))
                .isInstanceOf(NoteFormatException.class)
                .hasMessage(error);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
