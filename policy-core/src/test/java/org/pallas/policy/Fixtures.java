package org.pallas.policy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared test facts: one engine over the shipped rulebook and a builder for applications. */
final class Fixtures {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);
    static final PolicyEngine ENGINE = PolicyEngine.shipped(CLOCK);
    static final Map<String, String> LISTS = Map.of(
            "US-CSL",
            "2026-07-31",
            "OFAC-SDN",
            "2026-11-24",
            "EU-FSF",
            "2026-11-20",
            "UN-SC",
            "2026-11-25",
            "UK-OFSI",
            "2026-11-26");

    private Fixtures() {}

    static Product exploitChain() {
        return new Product(
                "Nimbus zero-click iOS chain",
                List.of(new Product.ControlEntry("EU", "4D004"), new Product.ControlEntry("EU", "4E001.c")),
                4,
                "Nimbus Offensive",
                "Nimbus",
                Set.of(
                        Product.Capability.ZERO_CLICK,
                        Product.Capability.COVERT_SURVEILLANCE,
                        Product.Capability.PERSISTENCE));
    }

    static Product interceptionPlatform() {
        return new Product(
                "Lattice lawful-interception platform",
                List.of(new Product.ControlEntry("EU", "5D001.e")),
                3,
                "Lattice Systems",
                "Lattice",
                Set.of());
    }

    static Product pentestFramework() {
        return new Product(
                "RedLedger adversary simulation",
                List.of(new Product.ControlEntry("EU", "4D004")),
                2,
                "RedLedger",
                "RedLedger",
                Set.of());
    }

    static Product exploitResearch() {
        return new Product(
                "Kernel exploit write-up and PoC",
                List.of(new Product.ControlEntry("EU", "4E001.c")),
                3,
                "Albion Cyber",
                "research",
                Set.of());
    }

    static Product scanner() {
        return new Product("Network vulnerability scanner", List.of(), 1, "Albion Cyber", "Scanner", Set.of());
    }

    static ScreeningOutcome clear() {
        return ScreeningOutcome.clear(LISTS);
    }

    static Party exporter() {
        return new Party(Party.PartyRole.EXPORTER, "Albion Cyber Ltd", "GB", null, null, null, null, clear());
    }

    static Party endUser(String name, String country, Party.EndUserType type, Boolean oversight) {
        return new Party(
                Party.PartyRole.END_USER,
                name,
                country,
                type,
                null,
                type.government() ? Party.Sector.GOVERNMENT : Party.Sector.OTHER,
                oversight,
                clear());
    }

    static Party bank(String name, String country) {
        return new Party(
                Party.PartyRole.END_USER,
                name,
                country,
                Party.EndUserType.COMMERCIAL,
                "Security operations",
                Party.Sector.FINANCIAL,
                null,
                clear());
    }

    static Party intermediary(String name, String country) {
        return new Party(
                Party.PartyRole.INTERMEDIARY, name, country, null, null, Party.Sector.TECHNOLOGY, null, clear());
    }

    static ScreeningOutcome hit(
            String source,
            String entryId,
            String matchedName,
            double score,
            boolean sanctioned,
            boolean entityList,
            LocalDate delistedOn) {
        return new ScreeningOutcome(
                true,
                LISTS,
                List.of(new ScreeningOutcome.Hit(
                        source,
                        entryId,
                        matchedName,
                        score,
                        LISTS.getOrDefault(source, "2026-07-31"),
                        sanctioned,
                        entityList,
                        delistedOn)));
    }

    static Builder application() {
        return new Builder();
    }

    /** Defaults: a targeted, stated end use; a clean, established exporter; all due-diligence answers absent. */
    static final class Builder {
        private LocalDate asOf = TODAY;
        private Product product = pentestFramework();
        private final List<Party> parties = new ArrayList<>(List.of(exporter()));
        private final List<String> destinations = new ArrayList<>();
        private EndUse endUse = new EndUse(
                EndUse.Category.PENETRATION_TESTING, "Authorised testing of the customer's own networks", true);
        private final Map<DueDiligenceQuestion, Application.Answer> answers = new EnumMap<>(DueDiligenceQuestion.class);
        private final List<PriorDenial> denials = new ArrayList<>();
        private ComplianceRecord record = new ComplianceRecord(6, 0, true);

        Builder product(Product product) {
            this.product = product;
            return this;
        }

        Builder party(Party party) {
            parties.add(party);
            return this;
        }

        Builder destination(String iso2) {
            destinations.add(iso2);
            return this;
        }

        Builder endUse(EndUse.Category category, String statement) {
            endUse = new EndUse(category, statement, true);
            return this;
        }

        Builder untargeted() {
            endUse = new EndUse(endUse.category(), endUse.statement(), false);
            return this;
        }

        Builder answer(DueDiligenceQuestion question, Application.Answer answer) {
            answers.put(question, answer);
            return this;
        }

        Builder allAnswered(Application.Answer answer) {
            for (DueDiligenceQuestion q : DueDiligenceQuestion.values()) {
                answers.put(q, answer);
            }
            return this;
        }

        Builder denial(PriorDenial denial) {
            denials.add(denial);
            return this;
        }

        Builder record(ComplianceRecord record) {
            this.record = record;
            return this;
        }

        Builder asOf(LocalDate asOf) {
            this.asOf = asOf;
            return this;
        }

        Application build() {
            return new Application(
                    "APP-TEST", asOf, product, parties, destinations, endUse, answers, List.of(), denials, record);
        }

        Assessment assess() {
            return ENGINE.assess(build());
        }
    }
}
