package org.pallas.server.misuse;

/** Where a report stands: received, triaged (assessed, evidence not confirmed) or confirmed (final). */
public enum ReportStatus {
    RECEIVED,
    TRIAGED,
    CONFIRMED
}
