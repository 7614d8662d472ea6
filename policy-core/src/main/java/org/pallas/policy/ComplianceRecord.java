package org.pallas.policy;

/**
 * The exporter's record with this authority.
 *
 * @param internalComplianceProgramme the exporter runs an ICP (EU-ART2-ICP)
 */
public record ComplianceRecord(int previousLicences, int breaches, boolean internalComplianceProgramme) {

    public ComplianceRecord {
        if (previousLicences < 0 || breaches < 0) {
            throw new IllegalArgumentException("licence and breach counts must not be negative");
        }
    }
}
