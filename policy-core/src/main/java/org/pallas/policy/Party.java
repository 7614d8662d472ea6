package org.pallas.policy;

import java.util.Objects;

/**
 * A party to the transaction with the screening outcome the screening capability reported for it.
 *
 * @param endUserType for end users and ultimate end users; null for other roles
 * @param agency the agency or unit, e.g. "Directorate of General Intelligence" (may be null)
 * @param sector the party's sector; banks, insurers and health bodies are the "favourable treatment cybersecurity end
 *     users" of US-ACE-DEF-FTCEU (may be null)
 * @param independentOversight true when the end user's use of such tools is subject to independent judicial,
 *     parliamentary or administrative oversight (PMP-OVS-1, FOC-P-OVERSIGHT); null when unknown
 */
public record Party(
        PartyRole role,
        String name,
        String country,
        EndUserType endUserType,
        String agency,
        Sector sector,
        Boolean independentOversight,
        ScreeningOutcome screening) {

    public Party {
        Objects.requireNonNull(role, "party.role");
        Objects.requireNonNull(name, "party.name");
        Objects.requireNonNull(country, "party.country");
        if (!country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                    "party.country must be an ISO 3166-1 alpha-2 code, was '" + country + "'");
        }
        screening = screening == null ? ScreeningOutcome.notScreened() : screening;
    }

    /** True for the roles whose country is a country of final destination. */
    boolean receivesItems() {
        return role == PartyRole.END_USER || role == PartyRole.ULTIMATE_END_USER || role == PartyRole.CONSIGNEE;
    }

    public enum PartyRole {
        EXPORTER,
        END_USER,
        ULTIMATE_END_USER,
        CONSIGNEE,
        INTERMEDIARY
    }

    public enum Sector {
        FINANCIAL,
        INSURANCE,
        HEALTH,
        TELECOMMUNICATIONS,
        TECHNOLOGY,
        GOVERNMENT,
        OTHER;

        boolean favourableTreatment() {
            return this == FINANCIAL || this == INSURANCE || this == HEALTH;
        }
    }

    public enum EndUserType {
        SECURITY_INTELLIGENCE,
        POLICE,
        MILITARY,
        OTHER_GOVERNMENT,
        COMMERCIAL,
        CERT,
        RESEARCH;

        /** The government end users of US-ACE-2 and EUREC-RF-EU. */
        public boolean government() {
            return this == SECURITY_INTELLIGENCE || this == POLICE || this == MILITARY || this == OTHER_GOVERNMENT;
        }
    }
}
