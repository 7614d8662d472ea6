package org.pallas.ledger.audit;

import static org.pallas.ledger.MerkleHash.hex;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.CheckpointFormatException;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.ConsistencyProofException;
import org.pallas.ledger.EntryBundle;
import org.pallas.ledger.InclusionProof;
import org.pallas.ledger.InclusionProofException;
import org.pallas.ledger.MemoryTree;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.Note;
import org.pallas.ledger.NoteFormatException;
import org.pallas.ledger.NoteVerificationException;
import org.pallas.ledger.NoteVerifier;
import org.pallas.ledger.ProofBuilder;
import org.pallas.ledger.RecordFormatException;
import org.pallas.ledger.TileFormatException;
import org.pallas.ledger.TileHashSource;
import org.pallas.ledger.TileId;
import org.pallas.ledger.TlogProof;
import org.pallas.ledger.record.LedgerEntry;
import org.pallas.ledger.record.LedgerRecord;

/**
 * The auditor's full check of a published log: verify the checkpoint signature, read every entry bundle and
 * hash tile, recompute every level and the root from the entries, compare each served tile hash with the
 * recomputed one, and check that the log is consistent with the checkpoint verified on the previous run.
 * Reports every disagreement, not just the first; saves the new checkpoint only when all checks pass.
 */
public final class LogVerifier {
    private final LogSource source;
    private final List<NoteVerifier> keys;
    private final AuditState state;

    /** @param state where the last verified checkpoint is kept; null to skip the consistency check */
    public LogVerifier(LogSource source, List<NoteVerifier> keys, AuditState state) {
        this.source = source;
        this.keys = List.copyOf(keys);
        this.state = state;
    }

    public AuditReport verify() {
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Optional<SignedCheckpoint> opened = openCheckpoint(findings, problems);
        if (opened.isEmpty()) {
            return new AuditReport(null, findings, problems);
        }
        Checkpoint checkpoint = opened.get().checkpoint();
        try {
            MemoryTree recomputed = new MemoryTree();
            List<byte[]> leafHashes = readEntries(checkpoint.size(), problems);
            leafHashes.forEach(recomputed::appendLeafHash);
            int tiles = compareTiles(checkpoint.size(), leafHashes, problems);
            byte[] root = recomputed.rootHash();
            if (leafHashes.size() == checkpoint.size()) {
                if (MerkleHash.same(root, checkpoint.rootHash())) {
                    findings.add(checkpoint.size() + " entries give the checkpoint root; " + tiles
                            + " hash tile(s) checked against them");
                } else {
                    problems.add("checkpoint root is " + hex(checkpoint.rootHash()) + ", but the entries give root "
                            + hex(root));
                }
            } else {
                problems.add("cannot recompute the root: only " + leafHashes.size() + " of " + checkpoint.size()
                        + " entries are readable");
            }
            checkAgainstPrevious(opened.get(), findings, problems);
            if (problems.isEmpty() && state != null) {
                state.save(checkpoint.origin(), opened.get().note());
            }
        } catch (IOException e) {
            problems.add("cannot read the log at " + source.location() + ": " + e.getMessage());
        }
        return new AuditReport(checkpoint, findings, problems);
    }

    /**
     * Shows that a record (a full {@link LedgerRecord} or a public {@link LedgerEntry}, canonical bytes) is in the
     * log under the current checkpoint: finds its index (or takes the given one), builds the inclusion proof from
     * the served tiles and verifies it against the signed root.
     */
    public AuditReport prove(byte[] recordFile, OptionalLong index) {
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        byte[] entry;
        try {
            entry = readRecord(recordFile, findings);
        } catch (RecordFormatException e) {
            problems.add("record file: " + e.getMessage());
            return new AuditReport(null, findings, problems);
        }
        Optional<SignedCheckpoint> opened = openCheckpoint(findings, problems);
        if (opened.isEmpty()) {
            return new AuditReport(null, findings, problems);
        }
        Checkpoint checkpoint = opened.get().checkpoint();
        try {
            OptionalLong at = index.isPresent() ? index : find(entry, checkpoint.size(), problems);
            if (at.isEmpty()) {
                problems.add("record with leaf hash " + hex(MerkleHash.leaf(entry)) + " is not among the "
                        + checkpoint.size() + " entries of the log");
                return new AuditReport(checkpoint, findings, problems);
            }
            if (at.getAsLong() < 0 || at.getAsLong() >= checkpoint.size()) {
                problems.add(
                        "entry index " + at.getAsLong() + " is not below the checkpoint size " + checkpoint.size());
                return new AuditReport(checkpoint, findings, problems);
            }
            InclusionProof proof = new ProofBuilder(new TileHashSource(source, checkpoint.size()))
                    .inclusionProof(at.getAsLong(), checkpoint.size());
            try {
                proof.verify(MerkleHash.leaf(entry), checkpoint);
                findings.add("record is entry " + at.getAsLong() + " (leaf hash " + hex(MerkleHash.leaf(entry))
                        + "); inclusion proof of " + proof.hashes().size()
                        + " hashes verifies against the checkpoint root");
                return new AuditReport(
                        checkpoint,
                        findings,
                        problems,
                        new TlogProof(
                                at.getAsLong(), proof.hashes(), opened.get().note()));
            } catch (InclusionProofException e) {
                problems.add("record is not entry " + at.getAsLong() + " of the log: " + e.getMessage());
            }
        } catch (TileFormatException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add("cannot read the log at " + source.location() + ": " + e.getMessage());
        }
        return new AuditReport(checkpoint, findings, problems);
    }

    /**
     * Checks offline that a record is in the log, from a C2SP tlog-proof file alone (no access to the log):
     * the checkpoint in the proof must be signed by one of {@code keys} and the proof must bind the record's entry
     * to its root.
     */
    public static AuditReport check(byte[] proofFile, byte[] recordFile, List<NoteVerifier> keys) {
        List<String> findings = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        try {
            byte[] entry = readRecord(recordFile, findings);
            TlogProof proof = TlogProof.parse(proofFile);
            Checkpoint checkpoint = proof.verify(entry, keys);
            findings.add("record is entry " + proof.index() + " of " + checkpoint + ": the tlog-proof verifies");
            return new AuditReport(checkpoint, findings, problems, proof);
        } catch (RecordFormatException e) {
            problems.add("record file: " + e.getMessage());
        } catch (NoteFormatException | CheckpointFormatException e) {
            problems.add("tlog-proof: malformed: " + e.getMessage());
        } catch (NoteVerificationException e) {
            problems.add("tlog-proof: checkpoint signature: " + e.getMessage());
        } catch (InclusionProofException e) {
            problems.add("tlog-proof: the record is not proven: " + e.getMessage());
        }
        return new AuditReport(null, findings, problems);
    }

    private record SignedCheckpoint(Checkpoint checkpoint, byte[] note) {}

    /** Reads and verifies the checkpoint; a finding names it and its signers, or a problem says why not. */
    private Optional<SignedCheckpoint> openCheckpoint(List<String> findings, List<String> problems) {
        try {
            Optional<byte[]> bytes = source.checkpoint();
            String note = source.note();
            if (bytes.isEmpty()) {
                problems.add("checkpoint: not found at " + source.location() + (note.isEmpty() ? "" : " " + note));
                return Optional.empty();
            }
            if (!note.isEmpty()) {
                findings.add(note);
            }
            Note.VerifiedNote verified = Note.parse(bytes.get()).verify(keys);
            Checkpoint checkpoint = Checkpoint.parse(verified.note().text());
            findings.add("checkpoint " + checkpoint + " signed by " + verified.verified());
            return Optional.of(new SignedCheckpoint(checkpoint, bytes.get()));
        } catch (NoteFormatException | CheckpointFormatException e) {
            problems.add("checkpoint: malformed: " + e.getMessage());
        } catch (NoteVerificationException e) {
            problems.add("checkpoint: signature: " + e.getMessage());
        } catch (IOException e) {
            problems.add("cannot read the checkpoint at " + source.location() + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    /** Leaf hashes of all entries, in order; stops at the first bundle that cannot be read. */
    private List<byte[]> readEntries(long size, List<String> problems) throws IOException {
        List<byte[]> leafHashes = new ArrayList<>();
        for (long b = 0; b * TileId.FULL_WIDTH < size; b++) {
            TileId id = TileId.inTree(TileId.ENTRIES, b, size);
            Optional<byte[]> data = source.read(id);
            if (data.isEmpty()) {
                problems.add(id + ": missing");
                return leafHashes;
            }
            List<byte[]> entries;
            try {
                entries = EntryBundle.decode(data.get(), id.width(), id.path());
            } catch (TileFormatException e) {
                problems.add(e.getMessage());
                return leafHashes;
            }
            for (byte[] entry : entries) {
                long index = leafHashes.size();
                try {
                    LedgerEntry.decode(entry);
                } catch (RecordFormatException e) {
                    problems.add(id + ": entry " + index + " is not a canonical ledger entry: " + e.getMessage());
                }
                leafHashes.add(MerkleHash.leaf(entry));
            }
        }
        return leafHashes;
    }

    /**
     * Compares every served hash tile with the hashes recomputed from the entries, level by level; returns the
     * number of tiles read.
     */
    private int compareTiles(long size, List<byte[]> leafHashes, List<String> problems) throws IOException {
        if (leafHashes.size() != size) {
            return 0;
        }
        int tilesRead = 0;
        List<byte[]> level = leafHashes;
        for (int tileLevel = 0; !level.isEmpty(); tileLevel++) {
            List<byte[]> above = new ArrayList<>();
            for (int t = 0; t * TileId.FULL_WIDTH < level.size(); t++) {
                TileId id = TileId.inTree(tileLevel, t, size);
                List<byte[]> expected = level.subList(t * TileId.FULL_WIDTH, t * TileId.FULL_WIDTH + id.width());
                if (id.isFull()) {
                    above.add(fullTileRoot(expected));
                }
                Optional<byte[]> tile = source.read(id);
                tilesRead++;
                if (tile.isEmpty()) {
                    problems.add(id + ": missing");
                    continue;
                }
                if (tile.get().length != id.width() * MerkleHash.SIZE) {
                    problems.add(id + ": expected " + id.width() * MerkleHash.SIZE + " bytes for " + id.width()
                            + " hashes, got " + tile.get().length);
                    continue;
                }
                for (int i = 0; i < id.width(); i++) {
                    byte[] served = Arrays.copyOfRange(tile.get(), i * MerkleHash.SIZE, (i + 1) * MerkleHash.SIZE);
                    if (!MerkleHash.same(served, expected.get(i))) {
                        problems.add(id + ": hash " + i + " (" + covers(tileLevel, (long) t * TileId.FULL_WIDTH + i)
                                + ") is " + hex(served) + ", but the entries give " + hex(expected.get(i)));
                    }
                }
            }
            level = above;
        }
        return tilesRead;
    }

    private static String covers(int tileLevel, long index) {
        if (tileLevel == 0) {
            return "entry " + index;
        }
        long width = 1L << (8 * tileLevel);
        return "tree level " + 8 * tileLevel + ", entries " + index * width + " to " + ((index + 1) * width - 1);
    }

    private static byte[] fullTileRoot(List<byte[]> hashes) {
        MemoryTree tile = new MemoryTree();
        hashes.forEach(tile::appendLeafHash);
        return tile.rootHash();
    }

    private void checkAgainstPrevious(SignedCheckpoint current, List<String> findings, List<String> problems)
            throws IOException {
        if (state == null) {
            return;
        }
        Checkpoint now = current.checkpoint();
        Optional<byte[]> saved = state.last(now.origin());
        if (saved.isEmpty()) {
            findings.add(
                    "first audit of " + now.origin() + ": no earlier checkpoint in " + state.fileFor(now.origin()));
            return;
        }
        Checkpoint before;
        try {
            before = Checkpoint.parse(Note.parse(saved.get()).text());
        } catch (NoteFormatException | CheckpointFormatException e) {
            problems.add("saved checkpoint " + state.fileFor(now.origin()) + " is unreadable: " + e.getMessage());
            return;
        }
        String earlier =
                "the checkpoint verified earlier (size " + before.size() + ", root " + hex(before.rootHash()) + ")";
        if (now.size() < before.size()) {
            problems.add("rollback: checkpoint size " + now.size() + " is smaller than " + earlier);
        } else if (now.size() == before.size()) {
            if (MerkleHash.same(now.rootHash(), before.rootHash())) {
                findings.add("same tree as " + earlier);
            } else {
                problems.add("fork: checkpoint root " + hex(now.rootHash()) + " differs from " + earlier);
            }
        } else if (before.size() == 0) {
            // tlog-witness: growth from size 0 is consistent only if that checkpoint had the empty-tree root.
            if (MerkleHash.same(before.rootHash(), MerkleHash.emptyRoot())) {
                findings.add("grew from the empty tree verified earlier");
            } else {
                problems.add("fork: " + earlier + " is an empty tree whose root is not the empty-tree root "
                        + hex(MerkleHash.emptyRoot()));
            }
        } else {
            try {
                ConsistencyProof proof = new ProofBuilder(new TileHashSource(source, now.size()))
                        .consistencyProof(before.size(), now.size());
                proof.verify(before, now);
                findings.add("consistent with " + earlier + ": proof of "
                        + proof.hashes().size() + " hashes");
            } catch (ConsistencyProofException e) {
                problems.add("fork: checkpoint size " + now.size() + " is not consistent with " + earlier + ": "
                        + e.getMessage());
            } catch (TileFormatException e) {
                problems.add("cannot build the consistency proof from the served tiles: " + e.getMessage());
            }
        }
    }

    private static byte[] readRecord(byte[] file, List<String> findings) throws RecordFormatException {
        try {
            LedgerRecord record = LedgerRecord.decode(file);
            findings.add("full record: its payload matches the entry's digest sha256:"
                    + hex(record.entry().payloadDigest()));
            return record.entry().encode();
        } catch (RecordFormatException asRecord) {
            try {
                return LedgerEntry.decode(file).encode();
            } catch (RecordFormatException asEntry) {
                throw new RecordFormatException("neither a full ledger record (" + asRecord.getMessage()
                        + ") nor a public ledger entry (" + asEntry.getMessage() + ")");
            }
        }
    }

    private OptionalLong find(byte[] entry, long size, List<String> problems) throws IOException {
        for (long b = 0; b * TileId.FULL_WIDTH < size; b++) {
            TileId id = TileId.inTree(TileId.ENTRIES, b, size);
            Optional<byte[]> data = source.read(id);
            if (data.isEmpty()) {
                problems.add(id + ": missing; cannot search the entries after " + b * TileId.FULL_WIDTH);
                return OptionalLong.empty();
            }
            try {
                List<byte[]> entries = EntryBundle.decode(data.get(), id.width(), id.path());
                for (int i = 0; i < entries.size(); i++) {
                    if (Arrays.equals(entries.get(i), entry)) {
                        return OptionalLong.of(b * TileId.FULL_WIDTH + i);
                    }
                }
            } catch (TileFormatException e) {
                problems.add(e.getMessage());
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
