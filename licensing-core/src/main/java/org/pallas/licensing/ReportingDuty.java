package org.pallas.licensing;

import java.time.Period;

/** A reporting obligation attached to a licence, e.g. "report every deployment within 30 days", every month. */
public record ReportingDuty(String description, Period every) {}
