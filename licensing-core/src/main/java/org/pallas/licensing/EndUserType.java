package org.pallas.licensing;

import org.pallas.policy.Party;

/**
 * What kind of organisation a (ultimate) end user is; government end users must name the agency or unit. The
 * government kinds are told apart because the rulebook weighs a police force, an intelligence service and an army
 * differently (RF-SECURITY-END-USER-IN-AT-RISK-COUNTRY, US-ACE-2); {@link #GOVERNMENT} is any other government body.
 */
public enum EndUserType {
    GOVERNMENT,
    POLICE,
    SECURITY_INTELLIGENCE,
    MILITARY,
    CERT,
    RESEARCH,
    COMMERCIAL,
    INDIVIDUAL,
    OTHER;

    public boolean government() {
        return this == GOVERNMENT || this == POLICE || this == SECURITY_INTELLIGENCE || this == MILITARY;
    }

    /** The rulebook's end-user type; null for an individual or another kind, which the rulebook reads as unknown. */
    public Party.EndUserType policyType() {
        return switch (this) {
            case GOVERNMENT -> Party.EndUserType.OTHER_GOVERNMENT;
            case POLICE -> Party.EndUserType.POLICE;
            case SECURITY_INTELLIGENCE -> Party.EndUserType.SECURITY_INTELLIGENCE;
            case MILITARY -> Party.EndUserType.MILITARY;
            case CERT -> Party.EndUserType.CERT;
            case RESEARCH -> Party.EndUserType.RESEARCH;
            case COMMERCIAL -> Party.EndUserType.COMMERCIAL;
            case INDIVIDUAL, OTHER -> null;
        };
    }
}
