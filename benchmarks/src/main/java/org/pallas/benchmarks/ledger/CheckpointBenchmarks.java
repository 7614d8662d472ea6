package org.pallas.benchmarks.ledger;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.Note;
import org.pallas.ledger.NoteSigner;
import org.pallas.ledger.NoteVerifier;

/**
 * Signed checkpoint verification rate: parse the note, verify the Ed25519 signature (BouncyCastle), parse the
 * checkpoint body; and, for comparison, the JDK's own Ed25519 verifying the same signature.
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ledger.CheckpointBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CheckpointBenchmarks {
    byte[] signedNote;
    List<NoteVerifier> keys;
    NoteSigner signer;
    String text;
    PublicKey jdkKey;
    byte[] message;
    byte[] signature;

    @Setup
    public void sign() throws Exception {
        signer = NoteSigner.fromSeed(
                "pallas.example/ledger",
                HexFormat.of().parseHex("810a1402d5146c8d84f2443330f54080ebf98ee17d9c74f6252fc5d5c7283173"));
        keys = List.of(signer.verifier());
        text = new Checkpoint("pallas.example/ledger", 1_000_000, new byte[32]).text();
        Note note = Note.sign(text, signer);
        signedNote = note.encode();
        message = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        signature = note.signatures().get(0).signature();
        byte[] spki = HexFormat.of().parseHex("302a300506032b6570032100");
        jdkKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(
                        new X509EncodedKeySpec(concat(spki, signer.verifier().publicKey())));
    }

    @Benchmark
    public Checkpoint openSignedCheckpoint() throws Exception {
        return Checkpoint.open(signedNote, keys);
    }

    @Benchmark
    public boolean jdkEd25519Verify() throws Exception {
        Signature s = Signature.getInstance("Ed25519");
        s.initVerify(jdkKey);
        s.update(message);
        return s.verify(signature);
    }

    @Benchmark
    public Note signCheckpoint() throws Exception {
        return Note.sign(text, signer);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
