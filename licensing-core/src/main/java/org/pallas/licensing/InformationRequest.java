package org.pallas.licensing;

import java.time.Instant;

/** A question to the applicant; the case's service-level clock is paused until it is answered. */
public record InformationRequest(
        int number, String question, String askedBy, Instant askedAt, String answer, Instant answeredAt) {

    public boolean answered() {
        return answeredAt != null;
    }

    InformationRequest answer(String text, Instant at) {
        return new InformationRequest(number, question, askedBy, askedAt, text, at);
    }
}
