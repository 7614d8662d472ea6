package org.pallas.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A C2SP tlog-checkpoint: the body of a signed note with the log's origin, the tree size in decimal and the
 * base64 RFC 6962 root, then optional opaque extension lines. Parsing is strict: no leading zeros or signs
 * in the size, exactly 32 root bytes in canonical padded base64, no empty lines.
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("checkpoint origin must be a non-empty single line");
        }
        if (size < 0) {
            throw new IllegalArgumentException("checkpoint size must not be negative: " + size);
        }
        rootHash = MerkleHash.requireHash(rootHash, "checkpoint root").clone();
        extensions = List.copyOf(extensions);
        for (String e : extensions) {
            if (e.isEmpty() || e.contains("\n")) {
                throw new IllegalArgumentException("checkpoint extension lines must be non-empty single lines");
            }
        }
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    /** The note text: origin, size and root lines, then extension lines, each ending in a newline. */
    public String text() {
        StringBuilder b = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(NoteText.base64(rootHash))
                .append('\n');
        for (String e : extensions) {
            b.append(e).append('\n');
        }
        return b.toString();
    }

    public static Checkpoint parse(String text) throws CheckpointFormatException {
        if (!text.endsWith("\n")) {
            throw new CheckpointFormatException("checkpoint does not end with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new CheckpointFormatException(
                    "checkpoint has " + lines.length + " lines, needs origin, size and root hash");
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new CheckpointFormatException("checkpoint line " + (i + 1) + " is empty");
            }
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw new CheckpointFormatException("checkpoint line 2: tree size \"" + lines[1]
                    + "\" is not a decimal number without sign or leading zeros");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new CheckpointFormatException("checkpoint line 2: tree size " + lines[1] + " exceeds 2^63-1");
        }
        byte[] root;
        try {
            root = NoteText.decodeBase64(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new CheckpointFormatException("checkpoint line 3: root hash: " + e.getMessage());
        }
        if (root.length != MerkleHash.SIZE) {
            throw new CheckpointFormatException(
                    "checkpoint line 3: root hash is " + root.length + " bytes, expected " + MerkleHash.SIZE);
        }
        List<String> extensions = new ArrayList<>(List.of(lines).subList(3, lines.length));
        return new Checkpoint(lines[0], size, root, extensions);
    }

    /**
     * Verifies a signed checkpoint note with the log's key and parses its body.
     */
    public static Checkpoint open(byte[] signedNote, Collection<NoteVerifier> trusted)
            throws NoteFormatException, NoteVerificationException, CheckpointFormatException {
        return parse(Note.parse(signedNote).verify(trusted).note().text());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c
                && origin.equals(c.origin)
                && size == c.size
                && java.util.Arrays.equals(rootHash, c.rootHash)
                && extensions.equals(c.extensions);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size);
    }

    @Override
    public String toString() {
        return origin + " size " + size + " root " + MerkleHash.hex(rootHash);
    }
}
