package org.pallas.licensing;

import java.time.Instant;

/** A regulator-only flag asking the case officer to review a live licence. */
public record ReviewFlag(ReviewReason reason, String partyId, String evidence, String raisedBy, Instant raisedAt) {}
