package org.pallas.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The product's confirmed classification from the classification capability.
 *
 * @param classifications control-list entries per regime, e.g. (EU, 4D004), (US, 4E001.c)
 * @param riskTier 1 (low: ordinary security tooling) to 4 (highest: covert remote intrusion with zero-click or
 *     persistence); set by the classification capability
 * @param vendor the vendor as named in misuse reports, for matching evidence (may be null)
 * @param family the product family, e.g. "Pegasus" (may be null)
 */
public record Product(
        String name,
        List<ControlEntry> classifications,
        int riskTier,
        String vendor,
        String family,
        Set<Capability> capabilities) {

    public Product {
        Objects.requireNonNull(name, "product.name");
        classifications = List.copyOf(classifications);
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
        if (riskTier < 1 || riskTier > 4) {
            throw new IllegalArgumentException("product.riskTier must be 1-4, was " + riskTier);
        }
    }

    /** A control-list entry under one regime (WA, EU, UK, US). */
    public record ControlEntry(String regime, String entry) {
        public ControlEntry {
            Objects.requireNonNull(regime, "regime");
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** Capabilities the classification found; they feed the item red flags. */
    public enum Capability {
        /** Marketed or designed for covert surveillance of natural persons (EU-ART2-20, EUREC-RF-ITEM). */
        COVERT_SURVEILLANCE,
        /** Infects without any action by the target. */
        ZERO_CLICK,
        /** Survives reboots or hides from monitoring tools (WA-DEF-IS). */
        PERSISTENCE,
        /** Physical extraction of device data (digital forensics, CASE-16). */
        FORENSIC_EXTRACTION,
        /** Infection by injecting traffic on the network path (CASE-11). */
        NETWORK_INJECTION,
        /** Bulk collection or interception at carrier scale (WA-5A001J). */
        MASS_INTERCEPTION
    }
}
