package org.pallas.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A denial by this authority or one notified by a partner state, already matched to a party of this application.
 *
 * @param authority "this authority" or the notifying state's ISO code
 * @param matchedPartyName the name of the application party it was matched to
 */
public record PriorDenial(
        String reference, String authority, String matchedPartyName, LocalDate deniedOn, String reason) {

    public PriorDenial {
        Objects.requireNonNull(reference, "priorDenial.reference");
        Objects.requireNonNull(matchedPartyName, "priorDenial.matchedPartyName");
    }
}
