package org.pallas.ledger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A C2SP tlog-proof ("spicy signature", file extension {@code .tlog-proof}): the entry's index, its inclusion
 * proof and the signed checkpoint, verifiable offline with the log's key. This is what a record holder keeps
 * to show, without asking the log, that the record was logged.
 */
public record TlogProof(long index, List<byte[]> hashes, byte[] signedCheckpoint) {
    static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        if (index < 0) {
            throw new IllegalArgumentException("index must not be negative: " + index);
        }
        hashes = List.copyOf(hashes);
        signedCheckpoint = signedCheckpoint.clone();
    }

    @Override
    public byte[] signedCheckpoint() {
        return signedCheckpoint.clone();
    }

    public byte[] encode() {
        StringBuilder b = new StringBuilder(HEADER)
                .append('\n')
                .append("index ")
                .append(index)
                .append('\n');
        for (byte[] h : hashes) {
            b.append(NoteText.base64(h)).append('\n');
        }
        b.append('\n').append(new String(signedCheckpoint, StandardCharsets.UTF_8));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Strict parse; an {@code extra} line is accepted and dropped, as it is not authenticated. */
    public static TlogProof parse(byte[] file) throws NoteFormatException {
        String text = NoteText.decodeUtf8(file);
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new NoteFormatException("tlog-proof has no blank line before the checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n", -1);
        if (!lines[0].equals(HEADER)) {
            throw new NoteFormatException("tlog-proof line 1 must be " + HEADER);
        }
        int next = 1;
        if (next < lines.length && lines[next].startsWith("extra ")) {
            next++;
        }
        if (next >= lines.length || !lines[next].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new NoteFormatException("tlog-proof line " + (next + 1) + " must be \"index <decimal>\"");
        }
        long index;
        try {
            index = Long.parseLong(lines[next].substring("index ".length()));
        } catch (NumberFormatException e) {
            throw new NoteFormatException("tlog-proof line " + (next + 1) + ": index exceeds 2^63-1");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (int i = next + 1; i < lines.length; i++) {
            byte[] h;
            try {
                h = NoteText.decodeBase64(lines[i]);
            } catch (IllegalArgumentException e) {
                throw new NoteFormatException("tlog-proof line " + (i + 1) + ": " + e.getMessage());
            }
            if (h.length != MerkleHash.SIZE) {
                throw new NoteFormatException(
                        "tlog-proof line " + (i + 1) + ": hash is " + h.length + " bytes, expected 32");
            }
            hashes.add(h);
        }
        return new TlogProof(index, hashes, text.substring(blank + 2).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Verifies offline that {@code entry} (the logged bytes) is in the log: the checkpoint must carry a
     * signature by one of {@code trusted}, and the inclusion proof must bind the entry's leaf hash to its root.
     *
     * @return the checkpoint under which the entry is proven
     */
    public Checkpoint verify(byte[] entry, Collection<NoteVerifier> trusted)
            throws NoteFormatException, NoteVerificationException, CheckpointFormatException, InclusionProofException {
        Checkpoint checkpoint = Checkpoint.open(signedCheckpoint, trusted);
        new InclusionProof(index, checkpoint.size(), hashes).verify(MerkleHash.leaf(entry), checkpoint);
        return checkpoint;
    }
}
