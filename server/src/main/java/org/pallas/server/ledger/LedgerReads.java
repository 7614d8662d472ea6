package org.pallas.server.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.InclusionProof;
import org.pallas.ledger.LedgerException;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.ProofBuilder;
import org.pallas.ledger.RecordFormatException;
import org.pallas.ledger.TileHashSource;
import org.pallas.ledger.TileId;
import org.pallas.ledger.record.LedgerEntry;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the ledger publishes: the signed checkpoint, tiles, public entries and proofs, for anyone; full
 * records (with the confidential payload) for auditors, oversight and administrators only. Proofs are
 * served only for tree sizes the log has signed, so every proof can be checked against a checkpoint.
 */
@Service
public class LedgerReads {

    static final int PAGE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(
                    "uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final ReadLog readLog;

    LedgerReads(LedgerStore store, LedgerKeys keys, ReadLog readLog) {
        this.store = store;
        this.keys = keys;
        this.readLog = readLog;
    }

    /**
     * An entry as the public sees it: the canonical bytes and their decoded fields. {@code flagged} says why the
     * stored row cannot be shown as recorded (corrupt, or not what the log signed); absent for an intact entry.
     */
    public record PublicEntry(
            long index,
            String type,
            String time,
            String actor,
            String subjectType,
            String subjectId,
            Map<String, String> metadata,
            String payloadDigest,
            String leafHash,
            String canonical,
            String flagged) {}

    public record Proof(long leafIndex, long treeSize, List<String> hashes, String checkpoint) {}

    public record Consistency(
            long fromSize, long toSize, List<String> hashes, String fromCheckpoint, String toCheckpoint) {}

    /** A recorded change of one subject, for pages that show it; {@code index} is null until sequenced. */
    public record Recorded(Long index, String type, Instant recordedAt) {}

    public record Page(long treeSize, long page, long pages, List<PublicEntry> entries) {}

    public String verifierKey() {
        return keys.verifier().encode();
    }

    public String origin() {
        return keys.origin();
    }

    @Transactional(readOnly = true)
    public Optional<String> checkpoint() {
        return store.latestCheckpoint().map(c -> new String(c.note(), StandardCharsets.UTF_8));
    }

    @Transactional(readOnly = true)
    public long treeSize() {
        return store.latestCheckpoint()
                .map(LedgerStore.StoredCheckpoint::treeSize)
                .orElse(0L);
    }

    /** A tile or entry bundle of the signed tree; never beyond the latest checkpoint. */
    @Transactional(readOnly = true)
    public Optional<byte[]> tile(TileId id) {
        try {
            return store.tile(id);
        } catch (LedgerException e) {
            throw new IllegalStateException("Stored tile " + id + " is corrupt: " + e.getMessage(), e);
        }
    }

    @Transactional(readOnly = true)
    public PublicEntry entry(long index) {
        if (index < 0 || index >= treeSize()) {
            throw new NotFoundException("Ledger entry", index);
        }
        return view(
                store.entryAt(index).orElseThrow(() -> new NotFoundException("Ledger entry", index)),
                new TileHashSource(store.tiles(), treeSize()));
    }

    @Transactional(readOnly = true)
    public Page page(long page) {
        long size = treeSize();
        long pages = Math.max(1, (size + PAGE - 1) / PAGE);
        long p = Math.max(1, Math.min(page, pages));
        TileHashSource signed = new TileHashSource(store.tiles(), size);
        return new Page(
                size,
                p,
                pages,
                store.page(size, (p - 1) * PAGE, PAGE).stream()
                        .map(e -> view(e, signed))
                        .toList());
    }

    /** The changes recorded for one subject, oldest first. */
    @Transactional(readOnly = true)
    public List<Recorded> recorded(String subjectType, String subjectId) {
        return store.forSubject(subjectType, subjectId).stream()
                .map(e -> new Recorded(e.leafIndex(), e.type(), e.recordedAt()))
                .toList();
    }

    /** Inclusion proof of entry {@code index} in the signed tree of {@code treeSize} (default: the latest). */
    @Transactional(readOnly = true)
    public Proof inclusion(long index, Long treeSize) {
        LedgerStore.StoredCheckpoint checkpoint = signed(treeSize, "treeSize");
        if (index < 0 || index >= checkpoint.treeSize()) {
            throw new InvalidInputException(
                    "index", "Entry " + index + " is not in the tree of size " + checkpoint.treeSize());
        }
        try {
            InclusionProof proof = new ProofBuilder(new TileHashSource(store.tiles(), checkpoint.treeSize()))
                    .inclusionProof(index, checkpoint.treeSize());
            return new Proof(
                    index,
                    checkpoint.treeSize(),
                    base64(proof.hashes()),
                    new String(checkpoint.note(), StandardCharsets.UTF_8));
        } catch (IOException | LedgerException e) {
            throw new IllegalStateException("Cannot build the inclusion proof: " + e.getMessage(), e);
        }
    }

    @Transactional(readOnly = true)
    public Consistency consistency(long from, Long to) {
        LedgerStore.StoredCheckpoint older = signed(from, "from");
        LedgerStore.StoredCheckpoint newer = signed(to, "to");
        if (older.treeSize() < 1 || older.treeSize() > newer.treeSize()) {
            throw new InvalidInputException(
                    "from",
                    "A consistency proof needs 0 < from <= to, got " + older.treeSize() + " and " + newer.treeSize());
        }
        try {
            ConsistencyProof proof = new ProofBuilder(new TileHashSource(store.tiles(), newer.treeSize()))
                    .consistencyProof(older.treeSize(), newer.treeSize());
            return new Consistency(
                    older.treeSize(),
                    newer.treeSize(),
                    base64(proof.hashes()),
                    new String(older.note(), StandardCharsets.UTF_8),
                    new String(newer.note(), StandardCharsets.UTF_8));
        } catch (IOException | LedgerException e) {
            throw new IllegalStateException("Cannot build the consistency proof: " + e.getMessage(), e);
        }
    }

    /**
     * The full record of entry {@code index}, confidential payload included: auditors, oversight,
     * administrators. Oversight reads go to the read log.
     */
    @Transactional
    public byte[] record(Caller caller, long index) {
        if (!caller.hasAnyRole(Role.AUDITOR, Role.OVERSIGHT, Role.ADMIN)) {
            throw new AccessDeniedException(
                    "Only auditors, oversight and administrators may read full ledger records.");
        }
        LedgerStore.StoredEntry entry =
                store.entryAt(index).orElseThrow(() -> new NotFoundException("Ledger entry", index));
        byte[] record = store.record(entry.seq()).orElseThrow(() -> new NotFoundException("Ledger record", index));
        readLog.record(caller, "ledger-record", index);
        return record;
    }

    private LedgerStore.StoredCheckpoint signed(Long treeSize, String field) {
        if (treeSize == null) {
            return store.latestCheckpoint().orElseThrow(() -> new NotFoundException("Ledger checkpoint", "latest"));
        }
        return store.checkpoint(treeSize)
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "The log has signed no checkpoint of size " + treeSize
                                + "; proofs are given for signed tree sizes only"));
    }

    /**
     * The public view of a stored entry. A row that no longer is what the log signed (its bytes do not decode, or
     * they hash to another leaf than the signed tile holds) is shown flagged, not as if it were intact, and without
     * the fields that cannot be trusted; the integrity check reports it.
     */
    static PublicEntry view(LedgerStore.StoredEntry stored, TileHashSource signed) {
        byte[] leaf = MerkleHash.leaf(stored.entry());
        String flagged = null;
        try {
            byte[] expected = signed.hash(0, stored.leafIndex());
            if (!MerkleHash.same(expected, leaf)) {
                flagged = "The stored entry does not match the signed log: it hashes to " + MerkleHash.hex(leaf)
                        + " but the log signed " + MerkleHash.hex(expected) + ".";
            }
        } catch (IOException | LedgerException | IllegalArgumentException e) {
            flagged = "The signed leaf hash of this entry cannot be read.";
        }
        LedgerEntry e;
        try {
            e = LedgerEntry.decode(stored.entry());
        } catch (RecordFormatException ex) {
            return new PublicEntry(
                    stored.leafIndex(),
                    stored.type(),
                    TIME.format(stored.recordedAt()),
                    null,
                    null,
                    null,
                    Map.of(),
                    null,
                    MerkleHash.hex(leaf),
                    new String(stored.entry(), StandardCharsets.UTF_8),
                    "The stored entry is corrupt and cannot be read"
                            + (flagged == null
                                    ? "."
                                    : "; " + flagged.substring(0, 1).toLowerCase(Locale.ROOT) + flagged.substring(1)));
        }
        return new PublicEntry(
                stored.leafIndex(),
                e.type(),
                TIME.format(e.time()),
                e.actor(),
                e.subjectType(),
                e.subjectId(),
                e.metadata(),
                "sha256:" + MerkleHash.hex(e.payloadDigest()),
                MerkleHash.hex(leaf),
                new String(stored.entry(), StandardCharsets.UTF_8),
                flagged);
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(h -> Base64.getEncoder().encodeToString(h)).toList();
    }
}
