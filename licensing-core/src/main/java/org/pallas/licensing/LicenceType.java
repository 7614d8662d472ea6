package org.pallas.licensing;

import java.time.Period;

/** What the exporter applies for. Each maps onto the peers' licence types it is modelled on. */
public enum LicenceType {
    /** One end user, SIEL-like (UK-LIC-SIEL, EU-LIC-IND); permanent SIELs generally run two years. */
    INDIVIDUAL(Period.ofYears(2)),
    /** Several named end users and destinations, OIEL-like (UK-LIC-OIEL, EU-LIC-GLOB); three years for non-military items. */
    OPEN(Period.ofYears(3)),
    /**
     * Registration to use a pre-published general authorisation (UK-LIC-OGEL, EU-LIC-UGEA): register once, then report
     * use. The two-year registration period is a Pallas choice, not a sourced rule.
     */
    GENERAL_REGISTRATION(Period.ofYears(2));

    private final Period defaultValidity;

    LicenceType(Period defaultValidity) {
        this.defaultValidity = defaultValidity;
    }

    public Period defaultValidity() {
        return defaultValidity;
    }
}
