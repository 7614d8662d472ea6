package org.pallas.server.licensing.cases;

import java.util.List;

/**
 * One matched list entry of a case's party, as screening's alert on the registered party records it (regulator-only:
 * an exporter never sees list entries or scores).
 *
 * @param partyId the application's party id, e.g. {@code EU1}
 * @param list the list the entry is on, e.g. {@code US-EL}
 * @param listVersion the list version the match was made against
 * @param explanation why the names match, one line a reason
 * @param status the alert's review state: OPEN, CONFIRMED, CLEARED or LAPSED
 */
public record PartyMatch(
        String partyId,
        String partyName,
        String list,
        String entryId,
        String listedName,
        double score,
        String listVersion,
        List<String> explanation,
        String status) {}
