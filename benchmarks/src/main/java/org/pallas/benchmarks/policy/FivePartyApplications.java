package org.pallas.benchmarks.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pallas.policy.Application;
import org.pallas.policy.ComplianceRecord;
import org.pallas.policy.DueDiligenceQuestion;
import org.pallas.policy.EndUse;
import org.pallas.policy.Party;
import org.pallas.policy.Product;
import org.pallas.policy.ScreeningOutcome;

/** The two five-party applications the policy benchmarks assess: many rules firing, and almost none. */
final class FivePartyApplications {

    private static final Map<String, String> LISTS =
            Map.of("US-CSL", "2026-07-31", "OFAC-SDN", "2026-11-24", "EU-FSF", "2026-11-20", "UN-SC", "2026-11-25");

    private FivePartyApplications() {}

    /** A zero-click chain to an Egyptian security service, via a Cypriot intermediary with a possible OFAC hit. */
    static Application highRisk() {
        Product chain = new Product(
                "Zero-click chain",
                List.of(new Product.ControlEntry("EU", "4D004"), new Product.ControlEntry("EU", "4E001.c")),
                4,
                "Nimbus",
                "Nimbus",
                Set.of(Product.Capability.ZERO_CLICK, Product.Capability.COVERT_SURVEILLANCE));
        return application(
                chain,
                new EndUse(EndUse.Category.INTELLIGENCE, "Counter-terrorism", false),
                party(
                        Party.PartyRole.END_USER,
                        "General Intelligence Service",
                        "EG",
                        Party.EndUserType.SECURITY_INTELLIGENCE,
                        ScreeningOutcome.clear(LISTS)),
                party(
                        Party.PartyRole.ULTIMATE_END_USER,
                        "Presidential Guard",
                        "EG",
                        Party.EndUserType.MILITARY,
                        ScreeningOutcome.clear(LISTS)),
                party(Party.PartyRole.CONSIGNEE, "Nile Systems", "EG", null, ScreeningOutcome.clear(LISTS)),
                party(
                        Party.PartyRole.INTERMEDIARY,
                        "Интеллекса С.А.",
                        "CY",
                        null,
                        new ScreeningOutcome(
                                true,
                                LISTS,
                                List.of(new ScreeningOutcome.Hit(
                                        "OFAC-SDN",
                                        "OFAC-44591",
                                        "Intellexa S.A.",
                                        0.72,
                                        "2026-11-24",
                                        true,
                                        true,
                                        null)))),
                Map.of(DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.YES));
    }

    /** A penetration-testing framework for a German bank's red team. */
    static Application lowRisk() {
        Product pentest = new Product(
                "Adversary simulation",
                List.of(new Product.ControlEntry("EU", "4D004")),
                2,
                "RedLedger",
                "RedLedger",
                Set.of());
        return application(
                pentest,
                new EndUse(EndUse.Category.PENETRATION_TESTING, "Own networks", true),
                new Party(
                        Party.PartyRole.END_USER,
                        "Commerzbank Red Team",
                        "DE",
                        Party.EndUserType.COMMERCIAL,
                        null,
                        Party.Sector.FINANCIAL,
                        null,
                        ScreeningOutcome.clear(LISTS)),
                party(
                        Party.PartyRole.ULTIMATE_END_USER,
                        "Commerzbank CSIRT",
                        "DE",
                        Party.EndUserType.CERT,
                        ScreeningOutcome.clear(LISTS)),
                party(Party.PartyRole.CONSIGNEE, "Commerzbank IT", "DE", null, ScreeningOutcome.clear(LISTS)),
                party(Party.PartyRole.INTERMEDIARY, "Rhein Reseller GmbH", "DE", null, ScreeningOutcome.clear(LISTS)),
                Map.of(DueDiligenceQuestion.END_USE_INFORMATION_REFUSED, Application.Answer.NO));
    }

    private static Party party(
            Party.PartyRole role, String name, String country, Party.EndUserType type, ScreeningOutcome screening) {
        return new Party(role, name, country, type, null, null, null, screening);
    }

    private static Application application(
            Product product,
            EndUse endUse,
            Party endUser,
            Party ultimate,
            Party consignee,
            Party intermediary,
            Map<DueDiligenceQuestion, Application.Answer> answers) {
        Party exporter = new Party(
                Party.PartyRole.EXPORTER,
                "Albion Cyber Ltd",
                "GB",
                null,
                null,
                null,
                null,
                ScreeningOutcome.clear(LISTS));
        return new Application(
                "BENCH",
                LocalDate.of(2026, 11, 27),
                product,
                List.of(exporter, endUser, ultimate, consignee, intermediary),
                List.of(),
                endUse,
                answers,
                List.of(),
                List.of(),
                new ComplianceRecord(5, 0, true));
    }
}
