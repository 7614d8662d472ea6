package org.pallas.server.ledger;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code ledgerIntegrity} in {@code /actuator/health}: UP while the latest integrity run (of any instance) found
 * nothing, {@value #DEGRADED_CODE} once one found a discrepancy, until a full run finds the ledger intact again. The
 * server goes on serving (DEGRADED answers HTTP 200, and is not part of the liveness or readiness probes): evidence
 * of tampering calls for people to look, not for a restart. See docs/security.md.
 */
@Component("ledgerIntegrity")
class LedgerIntegrityHealth implements HealthIndicator {

    static final String DEGRADED_CODE = "DEGRADED";
    static final Status DEGRADED = new Status(DEGRADED_CODE, "The ledger integrity check found discrepancies");

    private final IntegrityCheck integrity;

    LedgerIntegrityHealth(IntegrityCheck integrity) {
        this.integrity = integrity;
    }

    @Override
    public Health health() {
        return integrity.intact()
                ? Health.up().build()
                : Health.status(DEGRADED).build();
    }
}
