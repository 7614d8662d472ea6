package org.pallas.server.ledger;

import java.time.Instant;
import java.util.List;

/**
 * The integrity check found a discrepancy the previous run had not reported: a row, an entry, a record or a tile
 * was changed behind the application's back. Published in the transaction that stores the run; the notifications
 * tell administrators, auditors and oversight, who read the details on {@code /integrity}. Carries no confidential
 * value: how many records disagree and of which subject types.
 *
 * @param discrepancies how many discrepancies the run found in all
 * @param subjectTypes the subject types of the discrepancies not reported before
 */
public record TamperDetected(
        Instant detectedAt, IntegrityCheck.Kind kind, int discrepancies, List<String> subjectTypes) {
    public TamperDetected {
        subjectTypes = List.copyOf(subjectTypes);
    }
}
