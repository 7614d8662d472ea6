package org.pallas.licensing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.pallas.policy.AdviserTeam;

/** Actors, valid applications and cases driven to a given point, shared by the licensing tests. */
public final class Fixtures {

    static final String VENDOR = "org-vendor";
    static final Actor EXPORTER = Actor.exporter("alice", VENDOR);
    static final Actor COLLEAGUE = Actor.exporter("bob", VENDOR);
    static final Actor OTHER_EXPORTER = Actor.exporter("mallory", "org-other");
    static final Actor SYSTEM = Actor.system("policy-engine");
    static final Actor CASEWORKER = Actor.caseworker("carol");
    static final Actor OTHER_CASEWORKER = Actor.caseworker("dave");
    static final Actor SENIOR = Actor.seniorOfficer("sam");
    static final Actor OTHER_SENIOR = Actor.seniorOfficer("sue");
    /** A caseworker who is also a senior officer: the four-eyes rule must still stop them countersigning themselves. */
    static final Actor CASEWORKER_AND_SENIOR =
            new Actor("casey", Set.of(ActorRole.CASEWORKER, ActorRole.SENIOR_OFFICER), null, Set.of());

    static final Actor HUMAN_RIGHTS_ADVISER = Actor.adviser("hana", AdviserTeam.HUMAN_RIGHTS);
    static final Actor SECURITY_ADVISER = Actor.adviser("nils", AdviserTeam.NATIONAL_SECURITY);
    static final Actor DEFENCE_ADVISER = Actor.adviser("dora", AdviserTeam.DEFENCE);

    static final ApplicationRules RULES = new ApplicationRules(GeneralAuthorisations.shipped());

    static final String DIGEST = "a".repeat(64);

    private Fixtures() {}

    static Party endUser(String id, String country) {
        return new Party(
                id,
                PartyRole.END_USER,
                "Federal Criminal Police " + id,
                country,
                "1 Example Street, City",
                EndUserType.GOVERNMENT,
                "Cyber investigations unit");
    }

    static Party commercialEndUser(String id, String country) {
        return new Party(
                id,
                PartyRole.END_USER,
                "Red Team Ltd " + id,
                country,
                "2 Example Road, City",
                EndUserType.COMMERCIAL,
                null);
    }

    public static ApplicationDetails individual() {
        return new ApplicationDetails(
                List.of(new Product("P-1", "Remote access tool", ClassificationStatus.CONFIRMED, List.of("4D004"))),
                List.of(
                        endUser("EU-1", "DE"),
                        new Party(
                                "CO-1",
                                PartyRole.CONSIGNEE,
                                "Integrator GmbH",
                                "DE",
                                "3 Example Way, Berlin",
                                null,
                                null)),
                Set.of("DE"),
                "Lawfully authorised interception of serious-crime suspects' devices under a warrant.",
                new UndertakingDocument("DOC-1", "application/pdf", 120_000, DIGEST),
                EnumSet.allOf(Safeguard.class),
                new QuantityModel(5, 2, 1, 12),
                null);
    }

    static ApplicationDetails open() {
        return individual()
                .withParties(List.of(endUser("EU-1", "DE"), endUser("EU-2", "FR")))
                .withDestinations(Set.of("DE", "FR"));
    }

    static ApplicationDetails generalRegistration() {
        return individual()
                .withParties(List.of(commercialEndUser("EU-9", "GB")))
                .withDestinations(Set.of("GB"))
                .withUndertaking(null)
                .withGeneralAuthorisationId("PALLAS-GA-DEMO-001");
    }

    /** A case of the given type and content, routed STANDARD, approved by {@code officer} as its case officer. */
    static Case approved(TestClock clock, String caseId, LicenceType type, ApplicationDetails details, Actor officer) {
        Case c = Case.draft(caseId, EXPORTER, type, details, RULES, clock);
        c.submit(EXPORTER);
        c.route(SYSTEM, Routing.of(AssessmentRoute.STANDARD));
        c.assignCaseOfficer(CASEWORKER, officer.id());
        c.completeInitialChecks(CASEWORKER);
        c.decide(officer, Outcome.APPROVED, "fine", List.of(), List.of());
        return c;
    }

    static Case draft(TestClock clock) {
        return Case.draft("C-1", EXPORTER, LicenceType.INDIVIDUAL, individual(), RULES, clock);
    }

    static Case submitted(TestClock clock) {
        Case c = draft(clock);
        c.submit(EXPORTER);
        return c;
    }

    /** Submitted, routed, with CASEWORKER as case officer, initial checks done: UNDER_REVIEW. */
    static Case underReview(TestClock clock, Routing routing) {
        Case c = submitted(clock);
        c.route(SYSTEM, routing);
        c.assignCaseOfficer(CASEWORKER, CASEWORKER.id());
        c.completeInitialChecks(CASEWORKER);
        return c;
    }

    static Case underReview(TestClock clock, AssessmentRoute route) {
        return underReview(clock, Routing.of(route));
    }

    /** Enhanced review with all three teams advising approval, consolidated: back UNDER_REVIEW. */
    static Case advisedAndConsolidated(TestClock clock) {
        Case c = underReview(clock, AssessmentRoute.ENHANCED_REVIEW);
        c.requestAdvice(CASEWORKER, Set.of(), "enhanced review");
        c.giveAdvice(
                HUMAN_RIGHTS_ADVISER,
                AdviserTeam.HUMAN_RIGHTS,
                AdviceType.APPROVE,
                "no concerns",
                List.of(),
                List.of());
        c.giveAdvice(
                SECURITY_ADVISER,
                AdviserTeam.NATIONAL_SECURITY,
                AdviceType.APPROVE,
                "no concerns",
                List.of(),
                List.of());
        c.giveAdvice(DEFENCE_ADVISER, AdviserTeam.DEFENCE, AdviceType.NO_VIEW, "not our area", List.of(), List.of());
        c.consolidateAdvice(CASEWORKER, "all teams content");
        return c;
    }

    /** A standard-route case refused by CASEWORKER citing UK-C2. */
    static Case refused(TestClock clock) {
        Case c = underReview(clock, AssessmentRoute.STANDARD);
        c.decide(
                CASEWORKER,
                Outcome.REFUSED,
                "clear risk of internal repression",
                List.of(RefusalCriterion.UK_C2),
                List.of());
        return c;
    }

    /** A standard-route case approved by CASEWORKER with one condition. */
    static Case approved(TestClock clock) {
        Case c = underReview(clock, AssessmentRoute.STANDARD);
        c.decide(
                CASEWORKER,
                Outcome.APPROVED,
                "end user and end use acceptable",
                List.of(),
                List.of("Quarterly audit of operator logs"));
        return c;
    }
}
