package org.pallas.licensing;

import java.time.Instant;

/** A regulator-only note on a case. */
public record InternalNote(String authorId, String text, Instant at) {}
