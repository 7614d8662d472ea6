package org.pallas.server.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tamper evidence inside the product, and the response to it. Checks that (1) every full record matches its public
 * entry (the payload digest and the entry bytes), (2) every sequenced entry is the leaf the signed tiles hold at its
 * index, and (3) every ledger-backed row as it is now equals the state recorded by the latest entry of its subject,
 * and has an entry at all. Each discrepancy names the record, the entry and the values.
 *
 * <p>It runs continuously: incrementally after each sequenced batch ({@link #checkSequenced}: the batch's records and
 * the rows of its subjects) and in full every {@code pallas.ledger.integrity-check-interval} (default 15 minutes) by
 * one instance at a time (an advisory lock, and a full run another instance finished within the interval counts).
 * Results go to {@code ledger_integrity_run} (every full run; an incremental one when it finds something), where every
 * instance reads them: the health indicator turns DEGRADED, auditors and oversight read them
 * ({@code /integrity}, {@code GET /api/v1/ledger/integrity}), and a run that finds a discrepancy the previous run
 * did not report (since the latest full run) publishes {@link TamperDetected}, which notifies administrators, auditors and oversight.
 */
@Service
public class IntegrityCheck {

    private static final Logger log = LoggerFactory.getLogger(IntegrityCheck.class);
    /** The advisory lock of the full run: "PALINTEG". */
    static final long LOCK = 0x50414c494e544547L;
    /** An incremental run compares the rows of at most this many subjects of a batch; the full run covers the rest. */
    static final int SUBJECTS_PER_BATCH = 256;

    private final LedgerStore store;
    private final IntegrityRuns runs;
    private final List<RecordedState> states;
    private final Map<String, RecordedState> statesByType = new TreeMap<>();
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;
    private final Duration interval;

    IntegrityCheck(
            LedgerStore store,
            IntegrityRuns runs,
            ObjectProvider<RecordedState> states,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ReadLog readLog,
            Clock clock,
            @Value("${pallas.ledger.integrity-check-interval:PT15M}") Duration interval) {
        this.store = store;
        this.runs = runs;
        this.states = states.orderedStream().toList();
        this.states.forEach(s -> statesByType.put(s.subjectType(), s));
        this.jdbc = jdbc;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
        this.interval = interval;
    }

    /** A full run over everything, or an incremental one over a sequenced batch. */
    public enum Kind {
        FULL,
        INCREMENTAL
    }

    /** One disagreement: which record ({@code subjectType}, {@code subjectId}), which entry, and how. */
    public record Discrepancy(String subjectType, String subjectId, Long entryIndex, String problem) {}

    /**
     * One run: {@code id} is null until stored; {@code discrepancyCount} is the whole count, {@code discrepancies}
     * the first {@value IntegrityRuns#KEPT} of them.
     */
    public record Report(
            Long id,
            Kind kind,
            Instant checkedAt,
            long entries,
            long rows,
            int discrepancyCount,
            List<Discrepancy> discrepancies) {
        public Report {
            discrepancies = List.copyOf(discrepancies);
        }

        public boolean ok() {
            return discrepancyCount == 0;
        }
    }

    /** What the latest run found. */
    public enum Verdict {
        INTACT,
        DISCREPANCIES,
        NOT_CHECKED
    }

    /** The integrity of the ledger as the latest run found it, for auditors, oversight and administrators. */
    public record Status(Verdict status, Report latest) {}

    /** The latest run (of any instance, scheduled, incremental or on demand), if any. */
    @Transactional(readOnly = true)
    public Optional<Report> last() {
        return runs.latest();
    }

    /** Whether the latest run found the ledger intact; true before any run. */
    @Transactional(readOnly = true)
    public boolean intact() {
        return runs.latest().map(Report::ok).orElse(true);
    }

    /** Auditors, oversight and administrators read the latest result and the recent runs; oversight reads are logged. */
    @Transactional
    public List<Report> recent(Caller caller, int limit) {
        requireReader(caller);
        List<Report> recent = runs.recent(limit);
        readLog(caller, recent);
        return recent;
    }

    @Transactional
    public Status status(Caller caller) {
        requireReader(caller);
        Optional<Report> latest = runs.latest();
        readLog(caller, latest.stream().toList());
        return new Status(
                latest.map(r -> r.ok() ? Verdict.INTACT : Verdict.DISCREPANCIES).orElse(Verdict.NOT_CHECKED),
                latest.orElse(null));
    }

    private void readLog(Caller caller, List<Report> reports) {
        reports.forEach(r -> this.readLog.record(caller, "ledger-integrity-run", r.id()));
    }

    private static void requireReader(Caller caller) {
        if (!caller.hasAnyRole(Role.AUDITOR, Role.OVERSIGHT, Role.ADMIN)) {
            throw new AccessDeniedException(
                    "Only auditors, oversight and administrators may read the ledger's integrity check.");
        }
    }

    /** The full run on a schedule: one instance at a time, and not again within the interval of another's. */
    @Scheduled(
            fixedDelayString = "${pallas.ledger.integrity-check-interval:PT15M}",
            initialDelayString = "${pallas.ledger.integrity-check-initial-delay:PT2M}")
    @Transactional
    void scheduled() {
        boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(:key)")
                .param("key", LOCK)
                .query(Boolean.class)
                .single();
        if (!locked) {
            return;
        }
        Instant now = clock.instant();
        // A little slack, so that this instance's own schedule does not skip every other round.
        if (runs.lastFull()
                .filter(at -> at.isAfter(now.minus(interval.multipliedBy(9).dividedBy(10))))
                .isPresent()) {
            return;
        }
        run();
    }

    /** A full run, recorded; on demand (administrators) and on the schedule. */
    @Transactional
    public Report run() {
        Instant started = clock.instant();
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
                compare(state, id, latest.get(id), found);
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
        return finish(Kind.FULL, started, entries[0], rows, found);
    }

    /**
     * The incremental run after a batch has been sequenced: the batch's records against their entries, and the rows
     * of its subjects (at most {@value #SUBJECTS_PER_BATCH}) against their latest entries. Recorded only when it
     * finds something.
     */
    @Transactional
    public Report checkSequenced(long[] seqs) {
        Instant started = clock.instant();
        List<Discrepancy> found = new ArrayList<>();
        List<LedgerStore.Latest> batch = store.withRecords(seqs);
        Set<List<String>> subjects = new LinkedHashSet<>();
        for (LedgerStore.Latest l : batch) {
            checkRecord(l.entry(), l.record(), found);
            if (statesByType.containsKey(l.entry().subjectType()) && subjects.size() < SUBJECTS_PER_BATCH) {
                subjects.add(List.of(l.entry().subjectType(), l.entry().subjectId()));
            }
        }
        for (List<String> subject : subjects) {
            RecordedState state = statesByType.get(subject.get(0));
            if (state.current(subject.get(1)).isPresent()) {
                compare(
                        state,
                        subject.get(1),
                        store.latest(subject.get(0), subject.get(1)).orElse(null),
                        found);
            }
        }
        return finish(Kind.INCREMENTAL, started, batch.size(), subjects.size(), found);
    }

    /**
     * Stores the run (a full one always, an incremental one when it found something) and reports what is new: the
     * discrepancies that no run since the latest full one reported are logged and published as
     * {@link TamperDetected}; known ones are counted, not repeated on every batch.
     */
    private Report finish(Kind kind, Instant started, long entries, long rows, List<Discrepancy> found) {
        Set<Discrepancy> known = new HashSet<>();
        runs.sinceLastFull().forEach(r -> known.addAll(r.discrepancies()));
        Report report = new Report(null, kind, clock.instant(), entries, rows, found.size(), found);
        if (kind == Kind.FULL || !report.ok()) {
            runs.insert(report, started);
        }
        if (report.ok()) {
            if (kind == Kind.FULL) {
                log.info("Ledger integrity check: {} entries and {} rows agree", entries, rows);
            }
            return report;
        }
        List<Discrepancy> fresh = found.stream().filter(d -> !known.contains(d)).toList();
        log.warn(
                "Ledger integrity check ({}): {} discrepancies in {} entries and {} rows, {} not reported before",
                kind,
                found.size(),
                entries,
                rows,
                fresh.size());
        fresh.forEach(d -> log.warn(
                "Ledger integrity check: {} {} (entry {}): {}",
                d.subjectType(),
                d.subjectId(),
                d.entryIndex(),
                d.problem()));
        if (!fresh.isEmpty()) {
            events.publishEvent(new TamperDetected(
                    report.checkedAt(),
                    kind,
                    found.size(),
                    new TreeSet<>(fresh.stream().map(Discrepancy::subjectType).toList())
                            .stream().toList()));
        }
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
        if (latest == null) {
            found.add(new Discrepancy(
                    state.subjectType(), id, null, "the row has no ledger entry: it was not created through Pallas"));
            return;
        }
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
