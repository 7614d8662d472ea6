package org.pallas.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A C2SP signed note: text ending in a newline, a blank line, then one or more signature lines. Parsing is
 * strict; every signature is kept, so cosignatures from witnesses survive re-encoding, and verification
 * ignores signatures from keys it does not know (that is what allows key rotation and cosigning).
 */
public record Note(String text, List<NoteSignature> signatures) {
    /** Go's sumdb/note limit; C2SP requires accepting at least 16. */
    public static final int MAX_SIGNATURES = 100;

    private static final String DASH = "\u2014 ";

    public Note {
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code text} with each signer. */
    public static Note sign(String text, NoteSigner... signers) throws NoteFormatException {
        List<NoteSignature> sigs = new ArrayList<>();
        for (NoteSigner s : signers) {
            sigs.add(s.sign(text));
        }
        return new Note(text, sigs);
    }

    /** This note with one more signature, e.g. a witness cosignature. */
    public Note withSignature(NoteSignature signature) {
        List<NoteSignature> sigs = new ArrayList<>(signatures);
        sigs.add(signature);
        return new Note(text, sigs);
    }

    public byte[] encode() {
        StringBuilder b = new StringBuilder(text).append('\n');
        for (NoteSignature s : signatures) {
            b.append(s.line());
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static Note parse(byte[] message) throws NoteFormatException {
        String msg = NoteText.decodeUtf8(message);
        for (int i = 0; i < msg.length(); i++) {
            char c = msg.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteFormatException("note contains control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + " on line " + lineOf(msg, i));
            }
        }
        int split = msg.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFormatException("note has no blank line between text and signatures");
        }
        String text = msg.substring(0, split + 1);
        String block = msg.substring(split + 2);
        if (block.isEmpty()) {
            throw new NoteFormatException("note has no signatures");
        }
        if (!block.endsWith("\n")) {
            throw new NoteFormatException("note does not end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteFormatException("note has " + lines.length + " signatures, more than " + MAX_SIGNATURES);
        }
        int firstLine = lineOf(msg, split + 2);
        List<NoteSignature> sigs = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            sigs.add(parseSignatureLine(lines[i], firstLine + i));
        }
        return new Note(text, sigs);
    }

    private static NoteSignature parseSignatureLine(String line, int lineNumber) throws NoteFormatException {
        if (!line.startsWith(DASH)) {
            throw new NoteFormatException("line " + lineNumber + " is not a signature line (\"— name signature\")");
        }
        String rest = line.substring(DASH.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw new NoteFormatException("signature line " + lineNumber + " has no signature after the key name");
        }
        String name = rest.substring(0, space);
        if (!NoteText.isValidKeyName(name)) {
            throw new NoteFormatException("signature line " + lineNumber + " has an invalid key name \"" + name + "\"");
        }
        byte[] sig;
        try {
            sig = NoteText.decodeBase64(rest.substring(space + 1));
        } catch (IllegalArgumentException e) {
            throw new NoteFormatException("signature line " + lineNumber + ": " + e.getMessage());
        }
        if (sig.length < 5) {
            throw new NoteFormatException("signature line " + lineNumber + " is too short: " + sig.length + " bytes");
        }
        return new NoteSignature(name, ByteBuffer.wrap(sig).getInt(), Arrays.copyOfRange(sig, 4, sig.length));
    }

    /**
     * Verifies the note against trusted keys. A signature whose name and key ID match a trusted key must verify;
     * others are kept as unverified. At least one trusted signature is required.
     */
    public VerifiedNote verify(Collection<NoteVerifier> trusted) throws NoteVerificationException {
        Set<String> seenKeys = new HashSet<>();
        for (NoteVerifier v : trusted) {
            if (!seenKeys.add(v.name() + "+" + v.keyId())) {
                throw new NoteVerificationException("ambiguous key: two trusted keys named " + v.name()
                        + " with key ID " + String.format(Locale.ROOT, "%08x", v.keyId()));
            }
        }
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        List<NoteSignature> verified = new ArrayList<>();
        List<NoteSignature> unverified = new ArrayList<>();
        Set<String> counted = new HashSet<>();
        for (NoteSignature s : signatures) {
            NoteVerifier key = trusted.stream()
                    .filter(v -> v.name().equals(s.keyName()) && v.keyId() == s.keyId())
                    .findFirst()
                    .orElse(null);
            if (key == null) {
                unverified.add(s);
                continue;
            }
            if (!key.verify(message, s.signature())) {
                throw new NoteVerificationException("invalid signature by trusted key " + s);
            }
            if (counted.add(s.toString())) {
                verified.add(s);
            }
        }
        if (verified.isEmpty()) {
            throw new NoteVerificationException("note has no verifiable signatures: signed by " + signatures
                    + ", trusted keys are "
                    + trusted.stream()
                            .map(v -> v.name() + "+" + String.format(Locale.ROOT, "%08x", v.keyId()))
                            .toList());
        }
        return new VerifiedNote(this, verified, unverified);
    }

    /** Note text must be non-empty, end in a newline and hold no control characters other than newline. */
    static void requireValidText(String text) throws NoteFormatException {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new NoteFormatException("note text must end with a newline");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\n') || (Character.isSurrogate(c) && !validSurrogate(text, i))) {
                throw new NoteFormatException("note text has an invalid character on line " + lineOf(text, i));
            }
        }
    }

    private static boolean validSurrogate(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c)
                ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }

    private static int lineOf(String s, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (s.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The outcome of {@link #verify}: signatures by trusted keys, and the others (kept, not trusted). */
    public record VerifiedNote(Note note, List<NoteSignature> verified, List<NoteSignature> unverified) {
        public VerifiedNote {
            verified = List.copyOf(verified);
            unverified = List.copyOf(unverified);
        }
    }
}
