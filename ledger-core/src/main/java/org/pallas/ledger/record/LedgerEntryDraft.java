package org.pallas.ledger.record;

import java.time.Instant;
import java.util.Map;

/** The public facts of a state change before its payload digest is known; see {@link LedgerRecord#create}. */
public record LedgerEntryDraft(
        String type, Instant time, String actor, String subjectType, String subjectId, Map<String, String> metadata) {
    public LedgerEntryDraft {
        metadata = Map.copyOf(metadata);
    }
}
