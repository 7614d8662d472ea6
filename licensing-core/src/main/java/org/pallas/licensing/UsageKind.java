package org.pallas.licensing;

/** What an exporter reports against a licence for an intangible transfer. */
public enum UsageKind {
    /** A deployment delivered (installation, tenant, download). Capped by the licensed deployments. */
    DELIVERIES,
    /** Operator seats activated. Capped by the licensed seats. */
    SEATS_ACTIVATED,
    /** Updates pushed to delivered deployments; allowed within the update and support period. */
    UPDATES_PUSHED,
    /** Support sessions given; allowed within the update and support period. */
    SUPPORT_SESSIONS;

    boolean isAfterSales() {
        return this == UPDATES_PUSHED || this == SUPPORT_SESSIONS;
    }
}
