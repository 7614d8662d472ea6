package org.pallas.server.licensing.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.capability.DeliveryVector;
import org.pallas.classification.capability.ExtractionMethod;
import org.pallas.classification.capability.ItemKind;
import org.pallas.classification.capability.Persistence;
import org.pallas.classification.capability.Tri;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.Party;
import org.pallas.licensing.Product;
import org.pallas.policy.Application;
import org.pallas.policy.EndUse;
import org.pallas.policy.PriorDenial;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.classification.RegisterClassifications.Basis;
import org.pallas.server.classification.RegisterClassifications.RegisteredClassification;

/**
 * The one mapping from a submitted application (licensing-core's types, as the exporter stated them) and what the
 * register and screening found, to the facts the rulebook reads (policy-core's {@link Application}). Every fact a rule
 * reads has exactly one source here; docs/licensing.md ("From form to rule") lists them.
 */
final class SubmissionFacts {

    private SubmissionFacts() {}

    /**
     * The product as routing uses it, with what the register says and what the exporter declared side by side.
     *
     * @param registerTier null when the product is not classified in the register
     * @param classified false when neither the authority nor the register's answers classify it: no fast track
     */
    record ProductFacts(
            org.pallas.policy.Product product,
            boolean classified,
            String basis,
            Integer registerTier,
            List<String> registerEntries,
            Integer declaredTier,
            List<String> declaredEntries,
            boolean differs) {

        String describe(String name) {
            String declared = "exporter declared tier " + declaredTier + ", entries " + declaredEntries;
            if (!classified) {
                return name + ": not classified in the register, assessed on the " + declared
                        + "; an unclassified product cannot take the fast track";
            }
            return name + ": " + basis + ": tier " + registerTier + ", entries " + registerEntries + "; " + declared
                    + (differs
                            ? "; the claim differs, routed on the stricter (tier " + product.riskTier() + ", entries "
                                    + entries(product) + ")"
                            : "");
        }
    }

    /**
     * The register's classification (confirmed by the authority, or computed from the product's answers) gives the
     * entries, tier and capabilities; a declared classification that differs is the exporter's claim, and routing
     * takes the stricter: the higher tier and every entry either names (EUREC-DD-1, the item's sensitivity).
     */
    static ProductFacts product(
            Product line,
            Optional<RegisteredClassification> registered,
            CaseCommand.Declarations declared,
            String vendor) {
        int declaredTier = declared.riskTier() == null ? 1 : declared.riskTier();
        List<String> declaredEntries = line.controlEntries().stream()
                .map(String::strip)
                .filter(e -> !e.isEmpty())
                .distinct()
                .toList();
        if (registered.isEmpty()) {
            var product = new org.pallas.policy.Product(
                    line.name(),
                    declaredEntries.stream()
                            .map(e -> new org.pallas.policy.Product.ControlEntry("EU", e))
                            .toList(),
                    declaredTier,
                    vendor,
                    null,
                    Set.of());
            return new ProductFacts(product, false, "declared", null, List.of(), declaredTier, declaredEntries, false);
        }
        RegisteredClassification r = registered.get();
        List<org.pallas.policy.Product.ControlEntry> entries = new ArrayList<>();
        r.rating()
                .entries()
                .forEach((regime, codes) -> codes.forEach(
                        code -> entries.add(new org.pallas.policy.Product.ControlEntry(regime.name(), code))));
        List<String> registerEntries =
                entries.stream().map(e -> e.regime() + " " + e.entry()).toList();
        Set<String> registerCodes = new LinkedHashSet<>();
        entries.forEach(e -> registerCodes.add(e.entry().toUpperCase(Locale.ROOT)));
        List<org.pallas.policy.Product.ControlEntry> stricter = new ArrayList<>(entries);
        for (String e : declaredEntries) {
            if (!registerCodes.contains(e.toUpperCase(Locale.ROOT))) {
                stricter.add(new org.pallas.policy.Product.ControlEntry("EU", e));
            }
        }
        int registerTier = r.rating().riskTier();
        boolean differs = declaredTier != registerTier || stricter.size() != entries.size();
        var product = new org.pallas.policy.Product(
                line.name(),
                stricter,
                Math.max(registerTier, declaredTier),
                vendor,
                r.productName(),
                capabilities(r.description()));
        String basis = r.basis() == Basis.CONFIRMED
                ? "confirmed classification ("
                        + r.confirmed().orElseThrow().status().name().toLowerCase(Locale.ROOT)
                        + " by the authority, request "
                        + r.confirmed().orElseThrow().requestId()
                        + ", product version " + r.productVersion() + ")"
                : "register classification (computed from the product's answers, product version " + r.productVersion()
                        + ", not yet confirmed by the authority)";
        return new ProductFacts(
                product, true, basis, registerTier, registerEntries, declaredTier, declaredEntries, differs);
    }

    /** What the product does, read from the register's capability description (the item red flags' facts). */
    static Set<org.pallas.policy.Product.Capability> capabilities(CapabilityDescription d) {
        Set<org.pallas.policy.Product.Capability> found = EnumSet.noneOf(org.pallas.policy.Product.Capability.class);
        if (d == null) {
            return found;
        }
        if (d.deliveryVectors().contains(DeliveryVector.ZERO_CLICK)) {
            found.add(org.pallas.policy.Product.Capability.ZERO_CLICK);
        }
        if (d.deliveryVectors().contains(DeliveryVector.NETWORK_INJECTION)) {
            found.add(org.pallas.policy.Product.Capability.NETWORK_INJECTION);
        }
        // WA-DEF-IS: survives reboots or hides from monitoring tools.
        if (d.persistence() == Persistence.SURVIVES_REBOOT
                || d.persistence() == Persistence.FIRMWARE
                || d.evadesMonitoring() == Tri.YES) {
            found.add(org.pallas.policy.Product.Capability.PERSISTENCE);
        }
        if (d.itemKind() == ItemKind.FORENSIC_EXTRACTION || d.extractionMethod() == ExtractionMethod.EXPLOIT_BASED) {
            found.add(org.pallas.policy.Product.Capability.FORENSIC_EXTRACTION);
        }
        // EU-ART2-20: designed for covert surveillance of natural persons.
        if (d.surveillanceDesign() == Tri.YES || (d.covert() == Tri.YES && d.naturalPersons() == Tri.YES)) {
            found.add(org.pallas.policy.Product.Capability.COVERT_SURVEILLANCE);
        }
        // WA-5A001J: carrier-class collection or interception.
        if (d.carrierClass() == Tri.YES
                && (d.itemKind() == ItemKind.IP_NETWORK_SURVEILLANCE || d.itemKind() == ItemKind.MOBILE_INTERCEPTION)) {
            found.add(org.pallas.policy.Product.Capability.MASS_INTERCEPTION);
        }
        return found;
    }

    /** An application party; the end-user type in full, the oversight as stated (PMP-OVS-1: named body and basis). */
    static org.pallas.policy.Party party(Party p, ScreeningOutcome screening) {
        var role = switch (p.role()) {
            case END_USER -> org.pallas.policy.Party.PartyRole.END_USER;
            case ULTIMATE_END_USER -> org.pallas.policy.Party.PartyRole.ULTIMATE_END_USER;
            case CONSIGNEE -> org.pallas.policy.Party.PartyRole.CONSIGNEE;
            case INTERMEDIARY, BROKER -> org.pallas.policy.Party.PartyRole.INTERMEDIARY;
        };
        return new org.pallas.policy.Party(
                role,
                p.name(),
                p.countryCode().toUpperCase(Locale.ROOT),
                p.endUserType() == null ? null : p.endUserType().policyType(),
                p.agencyOrUnit(),
                null,
                p.oversight() == null ? null : p.oversight().stated(),
                screening);
    }

    /**
     * The exporting organisation as a party: screened like every other, so that an exporter on a list stops
     * (HS-SANCTIONED-PARTY, HS-ENTITY-LIST-PARTY).
     */
    static org.pallas.policy.Party exporter(String name, String country, ScreeningOutcome screening) {
        return new org.pallas.policy.Party(
                org.pallas.policy.Party.PartyRole.EXPORTER, name, country, null, null, null, null, screening);
    }

    /** The stated use: targeted only when a bounded scope of targets and duration is stated (PMP-PRE-1). */
    static EndUse endUse(ApplicationDetails details, CaseCommand.Declarations declared) {
        return new EndUse(
                EndUse.Category.valueOf(declared.endUseCategory()),
                details.endUseStatement(),
                details.targetedUse() != null && details.targetedUse().targeted());
    }

    static Application application(
            String reference,
            LocalDate asOf,
            ProductFacts product,
            List<org.pallas.policy.Party> parties,
            ApplicationDetails details,
            CaseCommand.Declarations declared,
            List<PriorDenial> priorDenials,
            List<org.pallas.policy.MisuseMatch> confirmedMisuse) {
        return new Application(
                reference,
                asOf,
                product.product(),
                parties,
                List.copyOf(details.destinations()),
                endUse(details, declared),
                details.dueDiligence(),
                confirmedMisuse,
                priorDenials,
                null);
    }

    private static List<String> entries(org.pallas.policy.Product p) {
        return p.classifications().stream()
                .map(e -> e.regime() + " " + e.entry())
                .toList();
    }
}
