package org.pallas.licensing;

import java.time.Instant;
import java.time.LocalDate;

/** One usage report from the exporter, as accepted. */
public record UsageReport(
        UsageKind kind, long quantity, LocalDate occurredOn, String reference, String reportedBy, Instant reportedAt) {}
