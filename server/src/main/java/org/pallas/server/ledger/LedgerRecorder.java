package org.pallas.server.ledger;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

/**
 * Writes one ledger entry for every {@link RecordedChange}, synchronously in the transaction that publishes
 * it: the change and its entry commit or roll back together. The public entry carries the type, a pseudonym
 * of the actor, the subject, the time, the public metadata and the digest of the confidential payload; the
 * payload ({@code change}: the event's confidential facts, {@code state}: the subject's row as
 * {@link RecordedState} reads it after the change) goes to the restricted {@code ledger_payload} table.
 */
@Component
class LedgerRecorder {

    static final String SYSTEM_ACTOR = "system:pallas";

    private final LedgerStore store;
    private final LedgerKeys keys;
    private final Map<String, RecordedState> states = new TreeMap<>();
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
        String actor = change.actorUserId() == null ? SYSTEM_ACTOR : keys.pseudonyms().pseudonym(change.actorUserId().toString());
        Map<String, String> metadata = new TreeMap<>();
        change.publicMetadata().forEach((k, v) -> metadata.put(k, text(v)));
        LedgerEntryDraft draft = new LedgerEntryDraft(change.type(), change.occurredAt(), actor, change.subjectType(),
                change.subjectId(), metadata);
        LedgerRecord record = LedgerRecord.create(draft, payload(change), random);
        store.insert(change.type(), change.subjectType(), change.subjectId(), record.entry().time(),
                record.entry().encode(), record.encode());
    }

    private byte[] payload(RecordedChange change) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("change", json(change.confidentialPayload()));
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
