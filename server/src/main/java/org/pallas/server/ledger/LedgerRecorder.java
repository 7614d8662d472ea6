package org.pallas.server.ledger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.pallas.ledger.record.CanonicalJson;
import org.pallas.ledger.record.LedgerEntryDraft;
import org.pallas.ledger.record.LedgerRecord;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.RecordedState;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes one ledger entry for every {@link RecordedChange}, synchronously in the transaction that publishes
 * it: the change and its entry commit or roll back together. The public entry carries the type, a pseudonym
 * of the actor, the subject, the time, the public metadata and the digest of the confidential payload; the
 * payload ({@code change}: the event's confidential facts, {@code state}: the subject's row as
 * {@link RecordedState} reads it after the change) goes to the restricted {@code ledger_payload} table. Public
 * metadata is only what the reviewed list {@code ledger/public-metadata.txt} allows for the event's type; anything
 * else an event offers goes to the confidential record under {@code withheld} (issue 13).
 *
 * <p>Batched appends: the record is built when the change is published (so its state snapshot is the row right
 * after that change), but the rows are written just before the transaction commits, all the transaction's entries
 * in one statement, in publishing order. An operation that makes many changes in one transaction (re-screening a
 * register, seeding, bulk imports) thus pays one round trip and one durable commit for all of them. The writes
 * run inside the transaction ({@code beforeCommit}): a rollback discards them with the changes, and a failure to
 * write them rolls the changes back. A nested {@code REQUIRES_NEW} transaction keeps its own batch.
 */
@Component
class LedgerRecorder {

    static final String SYSTEM_ACTOR = "system:pallas";

    /**
     * Identifiers that name a person or an organisation. The public entry carries their pseudonym, the same one an
     * actor gets, so "user ps1:… changed their password" and "organisation ps1:… screened a party" stay countable
     * without saying who; the stored row and the confidential record keep the real identifier for authorised reads.
     */
    static final Set<String> IDENTIFYING_SUBJECTS = Set.of("user", "organisation");

    static final Set<String> IDENTIFYING_KEYS = Set.of("userId", "organisationId");

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final Map<String, RecordedState> states = new TreeMap<>();
    private final PublicMetadataList publicFields = PublicMetadataList.shipped();
    private final SecureRandom random = new SecureRandom();

    LedgerRecorder(LedgerStore store, LedgerKeys keys, ObjectProvider<RecordedState> states) {
        this.store = store;
        this.keys = keys;
        states.orderedStream().forEach(s -> this.states.put(s.subjectType(), s));
    }

    // MANDATORY: a state change outside a transaction could commit without its entry.
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(RecordedChange change) {
        String actor = change.actorUserId() == null
                ? SYSTEM_ACTOR
                : pseudonym(change.actorUserId().toString());
        Map<String, String> metadata = new TreeMap<>();
        Map<String, String> identified = new TreeMap<>(); // what the pseudonyms stand for, for the confidential record
        Map<String, String> withheld = new TreeMap<>(); // offered as public but not on the reviewed list
        Set<String> allowed = publicFields.allowed(change.type());
        change.publicMetadata().forEach((k, v) -> {
            if (!allowed.contains(k)) {
                withheld.put(k, text(v));
            } else if (v != null && IDENTIFYING_KEYS.contains(k)) {
                identified.put(k, v.toString());
                metadata.put(k, pseudonym(v.toString()));
            } else {
                metadata.put(k, text(v));
            }
        });
        String subject = change.subjectId();
        if (IDENTIFYING_SUBJECTS.contains(change.subjectType())) {
            identified.put("subjectId", subject);
            subject = pseudonym(subject);
        }
        LedgerEntryDraft draft = new LedgerEntryDraft(
                change.type(), change.occurredAt(), actor, change.subjectType(), subject, metadata);
        LedgerRecord record = LedgerRecord.create(draft, payload(change, identified, withheld), random);
        batch().entries
                .add(new LedgerStore.NewEntry(
                        change.type(),
                        change.subjectType(),
                        change.subjectId(),
                        record.entry().time(),
                        record.entry().encode(),
                        record.encode()));
    }

    private String pseudonym(String identifier) {
        return keys.pseudonyms().pseudonym(identifier);
    }

    /** The current transaction's batch (its synchronizations only: a suspended outer transaction keeps its own). */
    private Batch batch() {
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Batch b && b.recorder() == this) {
                return b;
            }
        }
        Batch batch = new Batch(this, new ArrayList<>());
        TransactionSynchronizationManager.registerSynchronization(batch);
        return batch;
    }

    /** Entries recorded in one transaction, written before it commits. */
    private record Batch(LedgerRecorder recorder, List<LedgerStore.NewEntry> entries)
            implements TransactionSynchronization {
        @Override
        public void beforeCommit(boolean readOnly) {
            recorder.store.insertAll(entries);
            entries.clear();
        }
    }

    private byte[] payload(RecordedChange change, Map<String, String> identified, Map<String, String> withheld) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("change", json(change.confidentialPayload()));
        if (!identified.isEmpty()) {
            payload.put("identified", json(identified));
        }
        if (!withheld.isEmpty()) {
            payload.put("withheld", json(withheld));
        }
        RecordedState state = states.get(change.subjectType());
        if (state != null) {
            Optional<Map<String, String>> current = state.current(change.subjectId());
            payload.put("state", current.<Object>map(LedgerRecorder::json).orElse(CanonicalJson.NULL));
        }
        return CanonicalJson.write(payload).getBytes(StandardCharsets.UTF_8);
    }

    /** Canonical JSON of a map: keys sorted, values as strings, lists of strings or nested maps. */
    static Map<String, Object> json(Map<String, ?> map) {
        Map<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(k, value(v)));
        return sorted;
    }

    private static Object value(Object v) {
        if (v == null) {
            return CanonicalJson.NULL;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), value(x)));
            return sorted;
        }
        if (v instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>();
            c.forEach(x -> list.add(value(x)));
            return list;
        }
        if (v instanceof Boolean || v instanceof Long || v instanceof Integer) {
            return v;
        }
        return String.valueOf(v);
    }

    /** Metadata values are strings; a collection becomes its items joined by commas. */
    private static String text(Object v) {
        if (v instanceof Collection<?> c) {
            return String.join(",", c.stream().map(String::valueOf).toList());
        }
        return String.valueOf(v);
    }
}
