package org.pallas.licensing;

import java.time.Instant;

/** A senior officer's acceptance or rejection of a proposed decision; rejected ones stay on the case for audit. */
public record Countersignature(String officerId, boolean accepted, String reasons, Decision decision, Instant at) {}
