package org.pallas.server.ledger;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pallas.ledger.RecordFormatException;
import org.pallas.ledger.record.LedgerEntry;
import org.pallas.server.platform.RecordedEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger's answer to "was this recorded": indexed look-ups by subject ({@code ledger_entry_by_subject}), and the
 * entries the current transaction recorded but writes only as it commits, so that a change is honoured within the
 * transaction that makes it too.
 */
@Component
class LedgerRecordedEntries implements RecordedEntries {

    private final JdbcClient jdbc;
    private final LedgerRecorder recorder;

    LedgerRecordedEntries(JdbcClient jdbc, LedgerRecorder recorder) {
        this.jdbc = jdbc;
        this.recorder = recorder;
    }

    @Override
    public boolean holds(String type, String subjectType, String subjectId) {
        return pending(subjectType, subjectId, List.of(type)).isPresent()
                || jdbc.sql("""
                        select exists (select 1 from ledger_entry
                                       where subject_type = :subjectType and subject_id = :subjectId and type = :type)""")
                        .param("subjectType", subjectType)
                        .param("subjectId", subjectId)
                        .param("type", type)
                        .query(Boolean.class)
                        .single();
    }

    @Override
    public Set<String> holding(String type, String subjectType, Collection<String> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Set.of();
        }
        Set<String> held = new HashSet<>(jdbc.sql("""
                select distinct subject_id from ledger_entry
                where subject_type = :subjectType and type = :type and subject_id in (:subjectIds)""")
                .param("subjectType", subjectType)
                .param("type", type)
                .param("subjectIds", subjectIds)
                .query(String.class)
                .list());
        recorder.pending().stream()
                .filter(e -> e.type().equals(type) && e.subjectType().equals(subjectType))
                .filter(e -> subjectIds.contains(e.subjectId()))
                .forEach(e -> held.add(e.subjectId()));
        return held;
    }

    @Override
    public Optional<Map<String, String>> latestFacts(String subjectType, String subjectId, Collection<String> types) {
        Optional<byte[]> latest = pending(subjectType, subjectId, types);
        if (latest.isEmpty()) {
            latest = jdbc.sql("""
                    select entry from ledger_entry
                    where subject_type = :subjectType and subject_id = :subjectId and type in (:types)
                    order by seq desc limit 1""")
                    .param("subjectType", subjectType)
                    .param("subjectId", subjectId)
                    .param("types", types)
                    .query(byte[].class)
                    .optional();
        }
        return latest.flatMap(LedgerRecordedEntries::facts);
    }

    /** The latest entry of these types for the subject recorded in this transaction and not yet written. */
    private Optional<byte[]> pending(String subjectType, String subjectId, Collection<String> types) {
        List<LedgerStore.NewEntry> pending = recorder.pending();
        for (int i = pending.size() - 1; i >= 0; i--) {
            LedgerStore.NewEntry e = pending.get(i);
            if (e.subjectType().equals(subjectType) && e.subjectId().equals(subjectId) && types.contains(e.type())) {
                return Optional.of(e.entry());
            }
        }
        return Optional.empty();
    }

    private static Optional<Map<String, String>> facts(byte[] entry) {
        try {
            return Optional.of(LedgerEntry.decode(entry).metadata());
        } catch (RecordFormatException e) {
            return Optional.empty();
        }
    }
}
