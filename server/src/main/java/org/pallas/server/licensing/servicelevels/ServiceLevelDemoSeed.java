package org.pallas.server.licensing.servicelevels;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.AdviceType;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.RefusalCriterion;
import org.pallas.licensing.Routing;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.licensing.WorkingCalendar;
import org.pallas.policy.AdviserTeam;
import org.pallas.policy.Application;
import org.pallas.policy.DueDiligenceQuestion;
import org.pallas.server.classification.ProductInput;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.licensing.cases.BackdatedCases;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.KnownCallers;
import org.pallas.server.screening.RestrictedLists;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Six months of licensing history so that the queues and the service-level dashboard show real figures: about 130
 * applications of the two demo exporters across routes and destinations (a few to embargoed ones), submitted,
 * assigned, checked and decided through {@link Cases} at historic times (a clock set to the past; see
 * {@link BackdatedCases}), so every step is a stored command, a trail row and a ledger entry like any other. The
 * most recent ones are still open.
 * Enhanced-review cases go through advice from every adviser team, consolidation, the case officer's decision and a
 * senior officer's countersignature (most approved with conditions, some refused citing criteria; the recent ones
 * still wait for advice); some fast-track and standard cases wait on an information request that the exporter
 * answers a few working days later, so the clock's pauses show in the dashboard's working days.
 * The products come from the exporters' registers (the demo's, and an exploit proof-of-concept kit registered here),
 * so that routing reads the register's classification as it does for every application.
 * The history is fixed (seeded random numbers), so the figures are the same on every start for the same date.
 */
@Component
public class ServiceLevelDemoSeed implements DemoSeed {

    private static final Logger log = LoggerFactory.getLogger(ServiceLevelDemoSeed.class);

    static final int CASES = 130;
    static final int MONTHS = 6;

    /**
     * The scenario "report of a vulnerability with a working exploit sent to the affected vendor's security team":
     * vulnerability disclosure, not 4E001.c (WA-4E001-N1).
     */
    static final String EXPLOIT_POC_KIT = """
            item_kind=vulnerability_research; item_forms=technology; exploitation_technique=yes; evades_monitoring=no;
            defeats_countermeasures=yes; payload_effects=alters_execution; transfer_purpose=vulnerability_disclosure;
            recipient=affected_vendor; published=no; target_platforms=android""";

    /**
     * The forensic deals' due diligence, as in the demo's own: the customer asked for covert-access training beyond
     * seized-device extraction (EUREC-RF-CUST), the red flag that takes them to enhanced review.
     */
    private static final Map<DueDiligenceQuestion, Application.Answer> TRAINING_BEYOND_USE = Map.of(
            DueDiligenceQuestion.END_USE_INFORMATION_REFUSED, Application.Answer.NO,
            DueDiligenceQuestion.UNUSUAL_INTERMEDIARY_OR_PAYMENT, Application.Answer.NO,
            DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.NO,
            DueDiligenceQuestion.FEATURES_OR_TRAINING_MISMATCH, Application.Answer.YES);

    private final Cases cases;
    private final ProductRegister products;
    private final KnownCallers callers;
    private final Clock clock;
    private final WorkingCalendar calendar;

    ServiceLevelDemoSeed(
            Cases cases, ProductRegister products, KnownCallers callers, Clock clock, WorkingCalendar calendar) {
        this.cases = cases;
        this.products = products;
        this.callers = callers;
        this.clock = clock;
        this.calendar = calendar;
    }

    @Override
    public int order() {
        return 61;
    }

    /** The parties must be screened against the loaded lists, or every case would be routed as unscreened. */
    @Override
    public Class<?> runsAfter() {
        return RestrictedLists.Loaded.class;
    }

    /**
     * What an application looks like: declarations, end user, where it goes and the product, by its reference in the
     * exporter's register (the line declares {@code entry}); {@code dueDiligence} as answered.
     */
    private record Profile(
            int tier,
            String category,
            EndUserType type,
            String unit,
            List<String> countries,
            String reference,
            String product,
            String entry,
            String endUse,
            Map<DueDiligenceQuestion, Application.Answer> dueDiligence) {}

    private static final List<Profile> PROFILES = List.of(
            new Profile(
                    2,
                    "PENETRATION_TESTING",
                    EndUserType.COMMERCIAL,
                    null,
                    List.of("DE", "NL", "FR", "SE", "IE", "DK", "US", "CA"),
                    "NB-RAT-1",
                    "Redline assessment toolkit",
                    "4D004",
                    "Authorised penetration testing of the customer's own networks.",
                    Map.of()),
            new Profile(
                    1,
                    "VULNERABILITY_DISCLOSURE",
                    EndUserType.COMMERCIAL,
                    null,
                    List.of("DE", "US", "NL", "JP"),
                    "NB-EPK-1",
                    "Exploit proof-of-concept kit",
                    "4E001.c",
                    "Coordinated disclosure to the affected vendor.",
                    Map.of()),
            new Profile(
                    3,
                    "SECURITY_RESEARCH",
                    EndUserType.COMMERCIAL,
                    null,
                    List.of("US", "IL", "SG", "KR", "DE"),
                    "NB-FRP-3",
                    "Fuzzing and exploit research platform",
                    "4D004",
                    "Research and red-team tool development.",
                    Map.of()),
            new Profile(
                    3,
                    "LAW_ENFORCEMENT",
                    EndUserType.GOVERNMENT,
                    "Digital forensics unit",
                    List.of("AT", "DE", "FR", "ES", "IT", "PL"),
                    "CX-7",
                    "Calder Extract Field Kit",
                    "4A005",
                    "Extraction of data from seized devices under court warrants.",
                    TRAINING_BEYOND_USE),
            new Profile(
                    3,
                    "LAW_ENFORCEMENT",
                    EndUserType.GOVERNMENT,
                    "Cybercrime unit",
                    List.of("BR", "MX", "IN", "ID", "TH"),
                    "CX-7",
                    "Calder Extract Field Kit",
                    "4A005",
                    "Forensic examination of seized devices in criminal investigations.",
                    TRAINING_BEYOND_USE),
            new Profile(
                    4,
                    "INTELLIGENCE",
                    EndUserType.GOVERNMENT,
                    "Signals directorate",
                    List.of("AE", "SA", "EG", "BH", "VN"),
                    "CX-RAI-1",
                    "Remote access implant",
                    "4D004",
                    "Intelligence collection against national-security targets.",
                    Map.of()),
            // Destinations under measures that reach intrusion items: the rulebook stops them
            // (HS-EMBARGO-SURVEILLANCE-ITEMS).
            new Profile(
                    2,
                    "PENETRATION_TESTING",
                    EndUserType.COMMERCIAL,
                    null,
                    List.of("RU", "BY", "VE"),
                    "NB-RAT-1",
                    "Redline assessment toolkit",
                    "4D004",
                    "Penetration testing of a telecoms operator's networks.",
                    Map.of()));

    @Override
    public void seed() {
        long started = System.nanoTime();
        int seeded = history();
        log.info("Service-level demo history: {} cases in {} ms", seeded, (System.nanoTime() - started) / 1_000_000);
    }

    private int history() {
        int seeded = 0;
        Instant now = clock.instant();
        BackdatedCases backdated = new BackdatedCases(cases, callers, now);
        List<Caller> exporters = List.of(
                backdated.caller("northbridge.lee"),
                backdated.caller("calder.weber"),
                backdated.caller("northbridge.patel"),
                backdated.caller("calder.fischer"));
        Map<String, String> registered = registered(exporters.get(0), exporters.get(1));
        Caller caseworker = backdated.caller("caseworker");
        Caller senior = backdated.caller("senior");
        List<Caller> advisers = List.of(
                backdated.caller("adviser.hr"), backdated.caller("adviser.ns"), backdated.caller("adviser.def"));
        Random random = new Random(7_2026L);
        LocalDate today = LocalDate.ofInstant(now, ServiceLevelClock.UK);
        LocalDate first = today.minusMonths(MONTHS);
        int span = (int) (today.toEpochDay() - first.toEpochDay());
        for (int i = 0; i < CASES; i++) {
            LocalDate day = workingDayOnOrAfter(first.plusDays((long) span * i / CASES + random.nextInt(3)));
            Instant submitted = at(day, 9 + random.nextInt(7), random.nextInt(60));
            if (!submitted.isBefore(now)) {
                continue;
            }
            Profile p = PROFILES.get(pick(random));
            Caller exporter = p.type() == EndUserType.GOVERNMENT
                    ? exporters.get(1 + 2 * random.nextInt(2))
                    : exporters.get(2 * random.nextInt(2));
            String country = p.countries().get(random.nextInt(p.countries().size()));
            ApplicationDetails details = details(p, registered, country, i);
            Cases cases = backdated.at(submitted);
            UUID id = cases.startDraft(
                    exporter, LicenceType.INDIVIDUAL, details, new CaseCommand.Declarations(p.tier(), p.category()));
            cases.submit(exporter, id);
            seeded++;
            Routing routing = cases.authorityView(caseworker, id).c().routing().orElseThrow();
            // Reception: a caseworker picks the case up within a day and completes the checks within a few.
            Instant assigned = submitted.plusSeconds(3600L * (1 + random.nextInt(20)));
            if (!assigned.isBefore(now)) {
                continue;
            }
            backdated.at(assigned).assignToSelf(caseworker, id);
            int checkDays = random.nextInt(3);
            Instant checked =
                    checkDays == 0 ? assigned.plusSeconds(1800) : workingDaysLater(submitted, checkDays, random);
            if (checked.isBefore(assigned)) {
                checked = assigned.plusSeconds(1800);
            }
            if (!checked.isBefore(now)) {
                continue;
            }
            backdated.at(checked).completeInitialChecks(caseworker, id);
            if (routing.route() == AssessmentRoute.ENHANCED_REVIEW) {
                enhancedReview(backdated, caseworker, senior, advisers, id, checked, now, random);
                continue;
            }
            // Some fast-track and standard cases need an answer from the exporter first: the clock pauses meanwhile.
            Instant resumed = checked;
            if ((routing.route() == AssessmentRoute.FAST_TRACK || routing.route() == AssessmentRoute.STANDARD)
                    && random.nextInt(100) < 15) {
                Instant asked = checked.plusSeconds(3600);
                Instant answered = workingDaysLater(asked, 2 + random.nextInt(4), random);
                if (!asked.isBefore(now)) {
                    continue;
                }
                backdated
                        .at(asked)
                        .requestInformation(
                                caseworker,
                                id,
                                "Please send the end user's signed statement on the units that will operate the product.");
                if (!answered.isBefore(now)) {
                    continue; // still with the exporter: the clock is paused today
                }
                backdated
                        .at(answered)
                        .answerInformationRequest(
                                exporter,
                                id,
                                "The signed end-user statement is attached; only the named unit operates the product.");
                resumed = answered;
            }
            Integer days = decisionDays(routing.route(), random);
            if (days == null) {
                continue; // enhanced review and presumption of denial need advice and a countersignature: left open
            }
            Instant decided = days == 0
                    ? resumed.plusSeconds(1800)
                    : workingDaysLater(resumed == checked ? submitted : resumed, days, random);
            if (!decided.isAfter(resumed)) {
                decided = resumed.plusSeconds(1800);
            }
            if (!decided.isBefore(now)) {
                continue;
            }
            decide(backdated.at(decided), caseworker, id, routing, random);
        }
        return seeded;
    }

    /** One team's advice at a historic time. */
    private record Advice(Caller adviser, Instant at) {}

    /**
     * Enhanced review: advice from every team, consolidation, the officer's decision and a senior officer's
     * countersignature (four eyes), each a few working days apart; the history stops wherever today falls.
     */
    private void enhancedReview(
            BackdatedCases backdated,
            Caller officer,
            Caller senior,
            List<Caller> advisers,
            UUID id,
            Instant checked,
            Instant now,
            Random random) {
        Instant asked = checked.plusSeconds(3600);
        if (!asked.isBefore(now)) {
            return;
        }
        backdated
                .at(asked)
                .requestAdvice(
                        officer,
                        id,
                        EnumSet.allOf(AdviserTeam.class),
                        "Government end user of an intrusion capability: enhanced review needs every team's advice.");
        boolean refuse = random.nextInt(100) < 25;
        List<Advice> advice = new ArrayList<>();
        for (Caller adviser : advisers) {
            advice.add(new Advice(adviser, workingDaysLater(asked, 3 + random.nextInt(12), random)));
        }
        advice.sort(Comparator.comparing(Advice::at));
        Instant last = asked;
        for (Advice a : advice) {
            Instant at = a.at().isAfter(last) ? a.at() : last.plusSeconds(600);
            if (!at.isBefore(now)) {
                return; // still awaiting this team's advice
            }
            giveAdvice(backdated.at(at), a.adviser(), id, refuse);
            last = at;
        }
        Instant consolidated = workingDaysLater(last, 1 + random.nextInt(2), random);
        Instant decided = consolidated.plusSeconds(7200);
        Instant countersigned = workingDaysLater(decided, 1 + random.nextInt(3), random);
        if (!decided.isBefore(now)) {
            return;
        }
        backdated
                .at(consolidated)
                .consolidateAdvice(
                        officer,
                        id,
                        refuse
                                ? "Human-rights advice to refuse: credible reports of the unit's surveillance of journalists."
                                : "The teams advise approval with audit and end-use conditions.");
        if (refuse) {
            backdated
                    .at(decided)
                    .decide(
                            officer,
                            id,
                            Outcome.REFUSED,
                            "Clear risk that the capability would be used for internal repression, as the human-rights team advises.",
                            List.of(RefusalCriterion.UK_C2, RefusalCriterion.UK_C7),
                            List.of());
        } else {
            backdated
                    .at(decided)
                    .decide(
                            officer,
                            id,
                            Outcome.APPROVED,
                            "Lawful end use under warrant; the advised safeguards and oversight are adequate.",
                            List.of(),
                            List.of(AUDIT_CONDITION, "No use outside the named unit's warranted investigations"));
        }
        if (!countersigned.isBefore(now)) {
            return; // waiting for the senior officer
        }
        backdated.at(countersigned).countersign(senior, id, "Agree with the case officer's assessment.");
    }

    public static final String AUDIT_CONDITION = "Quarterly end-use audit report to the authority";

    private static void giveAdvice(Cases cases, Caller adviser, UUID id, boolean refuse) {
        switch (adviser.team()) {
            case HUMAN_RIGHTS -> {
                if (refuse) {
                    cases.giveAdvice(
                            adviser,
                            id,
                            AdviceType.REFUSE,
                            "Credible reports that the unit has targeted journalists and opposition figures.",
                            List.of(),
                            List.of(RefusalCriterion.UK_C2));
                } else {
                    cases.giveAdvice(
                            adviser,
                            id,
                            AdviceType.APPROVE_WITH_CONDITIONS,
                            "Warranted use under judicial oversight; audit the end use.",
                            List.of(AUDIT_CONDITION),
                            List.of());
                }
            }
            case NATIONAL_SECURITY ->
                cases.giveAdvice(
                        adviser,
                        id,
                        AdviceType.APPROVE,
                        "No national-security concern with the end user.",
                        List.of(),
                        List.of());
            case DEFENCE ->
                cases.giveAdvice(adviser, id, AdviceType.NO_VIEW, "No defence interest.", List.of(), List.of());
        }
    }

    /** Working days from submission to decision for a route, or null when the seed cannot decide it yet. */
    private static Integer decisionDays(AssessmentRoute route, Random random) {
        int r = random.nextInt(100);
        return switch (route) {
            // Fast track: mostly within the week; a few slip past the 20-day target.
            case FAST_TRACK -> r < 85 ? random.nextInt(5) : r < 97 ? 5 + random.nextInt(15) : 21 + random.nextInt(10);
            // Standard: around the target, a tail beyond it and a rare case beyond 60 days.
            case STANDARD ->
                r < 70 ? 4 + random.nextInt(17) : r < 97 ? 21 + random.nextInt(30) : 61 + random.nextInt(10);
            case HARD_STOP -> 1 + random.nextInt(5);
            case ENHANCED_REVIEW, PRESUMPTION_OF_DENIAL -> null; // enhanced review: see enhancedReview
        };
    }

    private static void decide(Cases cases, Caller officer, UUID id, Routing routing, Random random) {
        switch (routing.route()) {
            case HARD_STOP ->
                cases.decide(
                        officer,
                        id,
                        Outcome.REFUSED,
                        "The destination is under an arms embargo; the application cannot be granted.",
                        List.of(RefusalCriterion.UK_C1),
                        List.of());
            case STANDARD -> {
                if (random.nextInt(100) < 15) {
                    cases.decide(
                            officer,
                            id,
                            Outcome.REFUSED,
                            "Clear risk of diversion to an undesirable end user on the evidence of the end-user checks.",
                            List.of(RefusalCriterion.UK_C7),
                            List.of());
                } else {
                    cases.decide(
                            officer,
                            id,
                            Outcome.APPROVED,
                            "Legitimate end user and end use; safeguards in place.",
                            List.of(),
                            routing.suggestedConditions());
                }
            }
            default ->
                cases.decide(
                        officer,
                        id,
                        Outcome.APPROVED,
                        "Low-risk transfer; the assessment's conditions apply.",
                        List.of(),
                        routing.suggestedConditions());
        }
    }

    private static int pick(Random random) {
        int r = random.nextInt(100);
        return r < 26 ? 0 : r < 30 ? 6 : r < 38 ? 1 : r < 68 ? 2 : r < 82 ? 3 : r < 91 ? 4 : 5;
    }

    /**
     * The register ids of the two demo exporters' products by their reference; the exploit proof-of-concept kit is
     * registered here (Northbridge's) when it is not there yet.
     */
    private Map<String, String> registered(Caller northbridge, Caller calder) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (Caller exporter : List.of(northbridge, calder)) {
            products.list(exporter).stream()
                    .filter(p -> p.reference() != null && p.organisationId().equals(exporter.organisationId()))
                    .forEach(p -> ids.putIfAbsent(p.reference(), p.id().toString()));
        }
        if (!ids.containsKey("NB-EPK-1")) {
            Map<String, List<String>> answers = new LinkedHashMap<>();
            for (String pair : EXPLOIT_POC_KIT.split(";")) {
                String[] kv = pair.strip().split("=", 2);
                answers.put(kv[0].strip(), List.of(kv[1].strip().split(",")));
            }
            ids.put(
                    "NB-EPK-1",
                    products.register(
                                    northbridge,
                                    new ProductInput(
                                            "Exploit proof-of-concept kit",
                                            "NB-EPK-1",
                                            "Working exploits for the vulnerabilities we report to the affected vendors.",
                                            answers))
                            .id()
                            .toString());
        }
        return ids;
    }

    private static ApplicationDetails details(Profile p, Map<String, String> registered, String country, int i) {
        String productId = registered.get(p.reference());
        if (productId == null) {
            throw new IllegalStateException("The demo register has no product " + p.reference()
                    + "; the licensing demo seed registers it first");
        }
        String name = switch (p.type()) {
            case GOVERNMENT -> "Ministry of Interior " + country + " (" + (i % 7 + 1) + ")";
            default -> "Security customer " + country + " " + (i % 11 + 1) + " Ltd";
        };
        Party endUser = new Party(
                "EU1",
                PartyRole.END_USER,
                name,
                country,
                "Demo address " + (i + 1) + ", " + country,
                p.type(),
                p.unit());
        return new ApplicationDetails(
                List.of(new Product(productId, p.product(), ClassificationStatus.CONFIRMED, List.of(p.entry()))),
                List.of(endUser),
                Set.of(country),
                p.endUse(),
                new UndertakingDocument(
                        "demo-undertaking-sl-" + i,
                        "application/pdf",
                        40_000 + i,
                        String.format(java.util.Locale.ROOT, "%064x", 0x5eedL * 1_000_003L + i)),
                Set.of(Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING),
                new QuantityModel(1 + i % 10, 1 + i % 3, 1, 12),
                null,
                null,
                p.dueDiligence());
    }

    private LocalDate workingDayOnOrAfter(LocalDate day) {
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code days} working days after the day of {@code from}, at a random office hour. */
    private Instant workingDaysLater(Instant from, int days, Random random) {
        LocalDate d = LocalDate.ofInstant(from, ServiceLevelClock.UK);
        for (int n = 0; n < days; ) {
            d = d.plusDays(1);
            if (calendar.isWorkingDay(d)) {
                n++;
            }
        }
        return at(d, 10 + random.nextInt(7), random.nextInt(60));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute))
                .atZone(ServiceLevelClock.UK)
                .toInstant();
    }
}
