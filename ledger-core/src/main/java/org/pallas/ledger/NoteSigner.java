package org.pallas.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 signed-note signer. Its key string follows the Go sumdb/note convention (not part of C2SP):
 * {@code PRIVATE+KEY+<name>+<hex8>+base64(0x01 || 32-byte seed)}. Keep it out of logs and version control.
 */
public final class NoteSigner {
    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final Ed25519PrivateKeyParameters privateKey;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte[] seed) throws NoteFormatException {
        this.name = NoteText.requireKeyName(name);
        if (seed.length != 32) {
            throw new NoteFormatException("Ed25519 seed must be 32 bytes, got " + seed.length);
        }
        this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
        this.verifier = NoteVerifier.of(name, privateKey.generatePublicKey().getEncoded());
    }

    public static NoteSigner fromSeed(String name, byte[] seed) throws NoteFormatException {
        return new NoteSigner(name, seed);
    }

    public static NoteSigner generate(String name, SecureRandom random) throws NoteFormatException {
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        return new NoteSigner(name, seed);
    }

    public static NoteSigner parse(String skey) throws NoteFormatException {
        String s = skey.strip();
        if (!s.startsWith(PREFIX)) {
            throw new NoteFormatException("signer key must start with " + PREFIX);
        }
        String[] parts = s.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteFormatException("signer key must be PRIVATE+KEY+<name>+<hex8>+<base64>");
        }
        byte[] key;
        try {
            key = NoteText.decodeBase64(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("signer key for " + parts[0] + ": " + e.getMessage());
        }
        if (key.length != 33 || key[0] != NoteVerifier.ED25519) {
            throw new NoteFormatException("signer key for " + parts[0] + " must be 0x01 followed by a 32-byte seed");
        }
        NoteSigner signer = new NoteSigner(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (!parts[1].equalsIgnoreCase(String.format(Locale.ROOT, "%08x", signer.keyId()))) {
            throw new NoteFormatException("signer key for " + parts[0] + " declares key ID " + parts[1]
                    + " but its key has ID " + String.format(Locale.ROOT, "%08x", signer.keyId()));
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return verifier.keyId();
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** Signs the note text, which must be valid note text ending in a newline. */
    public NoteSignature sign(String text) throws NoteFormatException {
        Note.requireValidText(text);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return new NoteSignature(name, verifier.keyId(), signer.generateSignature());
    }

    /** The signer key string. */
    public String encode() {
        byte[] key = ByteBuffer.allocate(33)
                .put(NoteVerifier.ED25519)
                .put(privateKey.getEncoded())
                .array();
        return PREFIX + name + "+" + String.format(Locale.ROOT, "%08x", keyId()) + "+" + NoteText.base64(key);
    }

    @Override
    public String toString() {
        return "NoteSigner[" + verifier.encode() + "]";
    }
}
