package org.pallas.licensing;

import java.time.Instant;

/** One submitted version of an application; never changed once created. */
public record ApplicationVersion(
        int number, ApplicationDetails details, Instant createdAt, String createdBy, String reason) {}
