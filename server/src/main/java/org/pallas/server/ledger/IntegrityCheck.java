package org.pallas.server.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pallas.ledger.LedgerException;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.TileHashSource;
import org.pallas.ledger.record.CanonicalJson;
import org.pallas.ledger.record.LedgerRecord;
import org.pallas.server.platform.RecordedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tamper evidence inside the product. Checks that (1) every full record matches its public entry (the
 * payload digest and the entry bytes), (2) every sequenced entry is the leaf the signed tiles hold at its
 * index, and (3) every ledger-backed row as it is now equals the state recorded by the latest entry of its
 * subject, and has an entry at all. Each discrepancy names the record, the entry and the values.
 */
@Service
public class IntegrityCheck {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);

    private final LedgerStore store;
    private final List<RecordedState> states;
    private final Clock clock;
    private volatile Report last;

    IntegrityCheck(LedgerStore store, ObjectProvider<RecordedState> states, Clock clock) {
        this.store = store;
        this.states = states.orderedStream().toList();
        this.clock = clock;
    }

    /** One disagreement: which record ({@code subjectType}, {@code subjectId}), which entry, and how. */
    public record Discrepancy(String subjectType, String subjectId, Long entryIndex, String problem) {}

    public record Report(Instant checkedAt, long entries, long rows, List<Discrepancy> discrepancies) {
        public Report {
            discrepancies = List.copyOf(discrepancies);
        }

        public boolean ok() {
            return discrepancies.isEmpty();
        }
    }

    /** The report of the last run (scheduled or on demand), if any. */
    public Optional<Report> last() {
        return Optional.ofNullable(last);
    }

    @Scheduled(cron = "${pallas.ledger.integrity-check-cron:0 17 3 * * *}")
    void scheduled() {
        Report report = run();
        if (report.ok()) {
            log.info("Ledger integrity check: {} entries and {} rows agree", report.entries(), report.rows());
        } else {
            report.discrepancies()
                    .forEach(d -> log.warn(
                            "Ledger integrity check: {} {} (entry {}): {}",
                            d.subjectType(),
                            d.subjectId(),
                            d.entryIndex(),
                            d.problem()));
        }
    }

    @Transactional(readOnly = true)
    public Report run() {
        List<Discrepancy> found = new ArrayList<>();
        long[] entries = {0};
        long size = store.latestCheckpoint()
                .map(LedgerStore.StoredCheckpoint::treeSize)
                .orElse(0L);
        TileHashSource tiles = new TileHashSource(store.tiles(), size);
        store.forEachEntry((entry, record) -> {
            entries[0]++;
            checkRecord(entry, record, found);
            if (entry.leafIndex() != null && entry.leafIndex() < size) {
                checkLeaf(entry, tiles, found);
            }
        });
        long rows = 0;
        for (RecordedState state : states) {
            Map<String, LedgerStore.Latest> latest = new TreeMap<>();
            store.latestPerSubject(state.subjectType())
                    .forEach(l -> latest.put(l.entry().subjectId(), l));
            Set<String> seen = new HashSet<>();
            for (String id : state.subjectIds()) {
                rows++;
                seen.add(id);
                LedgerStore.Latest l = latest.get(id);
                if (l == null) {
                    found.add(new Discrepancy(
                            state.subjectType(),
                            id,
                            null,
                            "the row has no ledger entry: it was not " + "created through Pallas"));
                    continue;
                }
                compare(state, id, l, found);
            }
            latest.forEach((id, l) -> {
                if (!seen.contains(id) && recordedState(l).isPresent()) {
                    found.add(new Discrepancy(
                            state.subjectType(),
                            id,
                            l.entry().leafIndex(),
                            "the row is gone, but ledger entry " + describe(l.entry()) + " records it"));
                }
            });
        }
        Report report = new Report(clock.instant(), entries[0], rows, found);
        last = report;
        return report;
    }

    private static void checkRecord(LedgerStore.StoredEntry entry, byte[] record, List<Discrepancy> found) {
        if (record == null) {
            found.add(new Discrepancy(
                    entry.subjectType(),
                    entry.subjectId(),
                    entry.leafIndex(),
                    "the full record of entry " + describe(entry) + " is missing"));
            return;
        }
        try {
            LedgerRecord full = LedgerRecord.decode(record);
            if (!Arrays.equals(full.entry().encode(), entry.entry())) {
                found.add(new Discrepancy(
                        entry.subjectType(),
                        entry.subjectId(),
                        entry.leafIndex(),
                        "the full record does not match entry " + describe(entry) + ": the record says " + full.entry()
                                + " but the entry is " + new String(entry.entry(), StandardCharsets.UTF_8)));
            }
        } catch (LedgerException e) {
            found.add(new Discrepancy(
                    entry.subjectType(),
                    entry.subjectId(),
                    entry.leafIndex(),
                    "the full record of entry " + describe(entry) + " does not verify: " + e.getMessage()));
        }
    }

    private static void checkLeaf(LedgerStore.StoredEntry entry, TileHashSource tiles, List<Discrepancy> found) {
        try {
            byte[] signed = tiles.hash(0, entry.leafIndex());
            byte[] actual = MerkleHash.leaf(entry.entry());
            if (!MerkleHash.same(signed, actual)) {
                found.add(new Discrepancy(
                        entry.subjectType(),
                        entry.subjectId(),
                        entry.leafIndex(),
                        "entry " + describe(entry) + " hashes to " + MerkleHash.hex(actual)
                                + " but the signed log holds leaf hash " + MerkleHash.hex(signed)));
            }
        } catch (IOException | LedgerException | IllegalArgumentException e) {
            found.add(new Discrepancy(
                    entry.subjectType(),
                    entry.subjectId(),
                    entry.leafIndex(),
                    "cannot read the signed leaf hash of entry " + describe(entry) + ": " + e.getMessage()));
        }
    }

    private static void compare(RecordedState state, String id, LedgerStore.Latest latest, List<Discrepancy> found) {
        Optional<Map<String, Object>> recorded = recordedState(latest);
        Map<String, String> now = state.current(id).orElse(Map.of());
        if (recorded.isEmpty()) {
            found.add(new Discrepancy(
                    state.subjectType(),
                    id,
                    latest.entry().leafIndex(),
                    "ledger entry " + describe(latest.entry()) + " records no state for this row"));
            return;
        }
        Set<String> keys = new TreeSet<>(recorded.get().keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            Object was = recorded.get().get(key);
            String is = now.get(key);
            if (!(was instanceof String s) || !s.equals(is)) {
                found.add(new Discrepancy(
                        state.subjectType(),
                        id,
                        latest.entry().leafIndex(),
                        key + " is " + quote(is) + " in the database but " + quote(was) + " in ledger entry "
                                + describe(latest.entry())));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> recordedState(LedgerStore.Latest latest) {
        if (latest.record() == null) {
            return Optional.empty();
        }
        try {
            LedgerRecord record = LedgerRecord.decode(latest.record());
            Object payload = CanonicalJson.parse(new String(record.payload(), StandardCharsets.UTF_8));
            if (payload instanceof Map<?, ?> map && map.get("state") instanceof Map<?, ?> state) {
                return Optional.of((Map<String, Object>) state);
            }
            return Optional.empty();
        } catch (LedgerException | CanonicalJson.JsonException e) {
            return Optional.empty();
        }
    }

    private static String quote(Object value) {
        return value == null ? "absent" : "\"" + value + "\"";
    }

    static String describe(LedgerStore.StoredEntry entry) {
        return (entry.leafIndex() == null ? "(not yet sequenced, seq " + entry.seq() + ")" : "#" + entry.leafIndex())
                + " (" + entry.type() + ")";
    }
}
