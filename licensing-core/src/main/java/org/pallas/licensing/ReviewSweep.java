package org.pallas.licensing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * New evidence about a party (a screening hit, misuse evidence about the end user) flags every live licence that
 * involves it; each event names the case officer to notify. Licences no longer live are left alone.
 */
public final class ReviewSweep {

    private ReviewSweep() {}

    public static List<LicenceEvent.LicenceFlaggedForReview> flagLicencesInvolving(
            Collection<Licence> licences, Actor actor, String partyId, ReviewReason reason, String evidence) {
        List<LicenceEvent.LicenceFlaggedForReview> flagged = new ArrayList<>();
        for (Licence licence : licences) {
            if (licence.status().isLive() && licence.involves(partyId)) {
                flagged.add(licence.flagForReview(actor, reason, partyId, evidence));
            }
        }
        return flagged;
    }
}
