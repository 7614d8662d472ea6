package org.pallas.server.licensing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.AdviceType;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ClassificationStatus;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.QuantityModel;
import org.pallas.licensing.Safeguard;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.policy.AdviserTeam;
import org.pallas.policy.Application;
import org.pallas.policy.DueDiligenceQuestion;
import org.pallas.server.classification.ProductInput;
import org.pallas.server.classification.ProductRegister;
import org.pallas.server.licensing.cases.BackdatedCases;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.servicelevels.ServiceLevelDemoSeed;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DemoSeed;
import org.pallas.server.platform.KnownCallers;
import org.pallas.server.screening.RestrictedLists;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo applications of the two demo exporters, through the same domain service as real ones (so they are on the
 * record): a draft each, and one application per route of the rulebook, filed over the last days and taken as far
 * as its journey needs. The facts are chosen so that the policy engine genuinely routes each one: a penetration
 * test for a German insurer (fast track), research tooling for a US lab (standard), forensic extraction for German
 * police (enhanced review, advised and decided, awaiting a senior officer's countersignature), a remote access
 * implant for Chinese state security (presumption of denial by score: arms embargo, US group D:1/D:5, autocracy) and a
 * party on the OFAC SDN and US Entity List (hard stop, HS-SANCTIONED-PARTY and HS-ENTITY-LIST-PARTY).
 *
 * <p>Runs once the restricted-party lists are loaded ({@link RestrictedLists.Loaded}): a party screened earlier
 * counts as not screened (RF-PARTY-NOT-SCREENED), which would put every case into enhanced review. Ids are stable
 * so that documentation, the banner and tests can link to them.
 */
@Component
class LicensingDemoSeed implements DemoSeed {

    static final UUID NORTHBRIDGE_DRAFT = UUID.fromString("00000000-0000-4000-a000-00000000a001");
    /** Fast track, waiting for the initial checks. */
    static final UUID NORTHBRIDGE_SUBMITTED = UUID.fromString("00000000-0000-4000-a000-00000000a002");
    /** Standard route, checked and under review. */
    static final UUID NORTHBRIDGE_STANDARD = UUID.fromString("00000000-0000-4000-a000-00000000a003");
    /** Hard stop: the end user is a listed party; under review, refusal is the only outcome. */
    static final UUID NORTHBRIDGE_HARD_STOP = UUID.fromString("00000000-0000-4000-a000-00000000a004");

    static final UUID CALDER_DRAFT = UUID.fromString("00000000-0000-4000-a000-00000000b001");
    /** Enhanced review, waiting for the initial checks (advisers have not been asked). */
    static final UUID CALDER_SUBMITTED = UUID.fromString("00000000-0000-4000-a000-00000000b002");
    /** Enhanced review, advised, consolidated and approved by the case officer: awaiting countersignature. */
    static final UUID CALDER_COUNTERSIGNATURE = UUID.fromString("00000000-0000-4000-a000-00000000b003");
    /** Presumption of denial, checked and under review. */
    static final UUID CALDER_PRESUMPTION = UUID.fromString("00000000-0000-4000-a000-00000000b004");

    /** The listed party of the hard stop: on the bundled OFAC SDN (CYBER2) and US Entity List extracts. */
    static final String LISTED_PARTY = "Intellexa S.A.";

    /** A commercial penetration-testing framework with exploit modules (classification-core scenario): 4D004, tier 2. */
    static final String PENTEST_FRAMEWORK = """
            item_kind=penetration_testing_framework; item_forms=software; platform_functions=generate,command_and_control,deliver;
            evades_monitoring=yes; defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no;
            encryption_cat5p2=no; target_platforms=windows,linux,network_devices; delivery_vectors=one_click,network_injection;
            data_collected=credentials,files; safeguards=target_scoping,tamper_proof_audit_log; update_channel=customer_installed;
            covert=no; natural_persons=no; ict_data=yes; surveillance_design=no""";

    /** An exploit development framework that builds deployable exploits: 4D004, tier 2. */
    static final String EXPLOIT_FRAMEWORK = """
            item_kind=exploit_development_framework; item_forms=software; platform_functions=generate; evades_monitoring=no;
            defeats_countermeasures=yes; payload_effects=alters_execution; published=no; encryption_cat5p2=no;
            target_platforms=windows,linux; data_collected=none; safeguards=none; update_channel=customer_installed; covert=no;
            natural_persons=no; ict_data=yes; surveillance_design=no""";

    /** A zero-click iOS exploit chain with implant, delivered by the vendor's servers: 4D004, tier 4. */
    static final String ZERO_CLICK_IMPLANT = """
            item_kind=exploit; item_forms=software; platform_functions=deliver,command_and_control; evades_monitoring=yes;
            defeats_countermeasures=yes; payload_effects=extracts_data,alters_execution; published=no; encryption_cat5p2=no;
            target_platforms=ios; delivery_vectors=zero_click; data_collected=messages,location,live_audio_video; safeguards=none;
            update_channel=vendor_push_with_approval; covert=yes; natural_persons=yes; ict_data=yes; surveillance_design=yes""";

    private final Cases cases;
    private final ProductRegister products;
    private final JdbcClient jdbc;
    private final KnownCallers callers;
    private final Clock clock;

    LicensingDemoSeed(Cases cases, ProductRegister products, JdbcClient jdbc, KnownCallers callers, Clock clock) {
        this.cases = cases;
        this.products = products;
        this.jdbc = jdbc;
        this.callers = callers;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public Class<?> runsAfter() {
        return RestrictedLists.Loaded.class;
    }

    @Override
    public void seed() {
        Instant now = clock.instant();
        BackdatedCases history = new BackdatedCases(cases, callers, now);
        Caller northbridge = history.caller("northbridge.lee");
        Caller calder = history.caller("calder.weber");
        Caller caseworker = history.caller("caseworker");
        // The products come from the exporters' registers, which classify them (routing reads the register).
        Product redline = registered(northbridge, "Redline assessment toolkit", "NB-RAT-1", PENTEST_FRAMEWORK);
        Product fuzzing =
                registered(northbridge, "Fuzzing and exploit research platform", "NB-FRP-3", EXPLOIT_FRAMEWORK);
        Product implant = registered(calder, "Remote access implant", "CX-RAI-1", ZERO_CLICK_IMPLANT);
        Product extract = products.list(calder).stream()
                .filter(p -> "CX-7".equals(p.reference()))
                .findFirst()
                .map(p -> new Product(p.id().toString(), p.name(), ClassificationStatus.CONFIRMED, List.of("4A005")))
                .orElseThrow();
        CaseCommand.Declarations pentest = new CaseCommand.Declarations(2, "PENETRATION_TESTING");
        CaseCommand.Declarations research = new CaseCommand.Declarations(3, "SECURITY_RESEARCH");
        CaseCommand.Declarations forensics = new CaseCommand.Declarations(3, "LAW_ENFORCEMENT");

        cases.startDraft(
                northbridge,
                NORTHBRIDGE_DRAFT,
                LicenceType.INDIVIDUAL,
                ApplicationDetails.empty().withEndUseStatement("Red-team exercises for a Dutch insurer."),
                pentest);
        cases.startDraft(calder, CALDER_DRAFT, LicenceType.INDIVIDUAL, ApplicationDetails.empty(), forensics);

        submit(
                history.at(now.minus(Duration.ofDays(5))),
                calder,
                CALDER_COUNTERSIGNATURE,
                extract,
                forensics,
                party("Kriminalpolizei Digitale Forensik", "DE", EndUserType.POLICE, "Digital forensics unit"),
                "Extraction of data from seized devices under court warrants.",
                TRAINING_BEYOND_USE);
        submit(
                history.at(now.minus(Duration.ofHours(100))),
                calder,
                CALDER_PRESUMPTION,
                implant,
                new CaseCommand.Declarations(4, "INTELLIGENCE"),
                party(
                        "Provincial State Security Department",
                        "CN",
                        EndUserType.SECURITY_INTELLIGENCE,
                        "Technical reconnaissance unit"),
                "Intelligence collection against national-security targets.");
        submit(
                history.at(now.minus(Duration.ofHours(76))),
                northbridge,
                NORTHBRIDGE_STANDARD,
                fuzzing,
                research,
                party("Kestrel Vulnerability Labs Inc.", "US", EndUserType.COMMERCIAL, null),
                "Research and red-team tool development in the customer's own laboratory.");
        submit(
                history.at(now.minus(Duration.ofHours(52))),
                northbridge,
                NORTHBRIDGE_HARD_STOP,
                redline,
                pentest,
                party(LISTED_PARTY, "GR", EndUserType.COMMERCIAL, null),
                "Penetration testing of the customer's own networks.");
        submit(
                history.at(now.minus(Duration.ofHours(26))),
                northbridge,
                NORTHBRIDGE_SUBMITTED,
                redline,
                pentest,
                party("Rhein Versicherung AG", "DE", EndUserType.COMMERCIAL, null),
                "Authorised penetration testing of the insurer's own networks.");
        submit(
                history.at(now.minus(Duration.ofHours(3))),
                calder,
                CALDER_SUBMITTED,
                extract,
                forensics,
                party("Landeskriminalamt Digitale Forensik", "AT", EndUserType.POLICE, "Digital forensics unit"),
                "Extraction of data from seized devices under court warrants.",
                TRAINING_BEYOND_USE);

        advisedAndDecided(history, caseworker, CALDER_COUNTERSIGNATURE, now.minus(Duration.ofDays(4)));
        // The caseworker picks up and checks the cases whose journey starts under review.
        Instant checks = now.minus(Duration.ofHours(24));
        for (UUID id : List.of(CALDER_PRESUMPTION, NORTHBRIDGE_STANDARD, NORTHBRIDGE_HARD_STOP)) {
            checks = checks.plus(Duration.ofMinutes(20));
            history.at(checks).assignToSelf(caseworker, id);
            history.at(checks.plus(Duration.ofMinutes(10))).completeInitialChecks(caseworker, id);
        }
    }

    /** Enhanced review up to the countersignature: advice from every team, consolidation, the officer's approval. */
    private void advisedAndDecided(BackdatedCases history, Caller officer, UUID id, Instant from) {
        history.at(from).assignToSelf(officer, id);
        history.at(from.plus(Duration.ofMinutes(30))).completeInitialChecks(officer, id);
        history.at(from.plus(Duration.ofHours(1)))
                .requestAdvice(
                        officer,
                        id,
                        EnumSet.allOf(AdviserTeam.class),
                        "Government end user of a forensic extraction tool: enhanced review needs every team's advice.");
        Instant at = from.plus(Duration.ofDays(1));
        history.at(at)
                .giveAdvice(
                        history.caller("adviser.hr"),
                        id,
                        AdviceType.APPROVE_WITH_CONDITIONS,
                        "Use under court warrants with judicial oversight; audit the end use.",
                        List.of(ServiceLevelDemoSeed.AUDIT_CONDITION),
                        List.of());
        history.at(at.plus(Duration.ofHours(2)))
                .giveAdvice(
                        history.caller("adviser.ns"),
                        id,
                        AdviceType.APPROVE,
                        "No national-security concern with the end user.",
                        List.of(),
                        List.of());
        history.at(at.plus(Duration.ofHours(4)))
                .giveAdvice(
                        history.caller("adviser.def"),
                        id,
                        AdviceType.NO_VIEW,
                        "No defence interest.",
                        List.of(),
                        List.of());
        Instant decided = from.plus(Duration.ofDays(2));
        history.at(decided)
                .consolidateAdvice(officer, id, "The teams advise approval with an end-use audit condition.");
        List<String> conditions = new ArrayList<>(history.at(decided)
                .authorityView(officer, id)
                .c()
                .routing()
                .orElseThrow()
                .suggestedConditions());
        conditions.add(ServiceLevelDemoSeed.AUDIT_CONDITION);
        history.at(decided.plus(Duration.ofMinutes(30)))
                .decide(
                        officer,
                        id,
                        Outcome.APPROVED,
                        "Lawful end use under warrant; the advised safeguards and oversight are adequate.",
                        List.of(),
                        conditions);
    }

    @Override
    public List<String> bannerLines() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Demo journeys (path, then who to sign in as):");
        journey(lines, "Fast track, to check and approve", "/cases/" + NORTHBRIDGE_SUBMITTED, "caseworker");
        journey(lines, "Standard review, to decide", "/cases/" + NORTHBRIDGE_STANDARD, "caseworker");
        journey(lines, "Enhanced review awaiting countersignature", "/cases/" + CALDER_COUNTERSIGNATURE, "senior");
        journey(lines, "Presumption of denial, to decide", "/cases/" + CALDER_PRESUMPTION, "caseworker");
        journey(lines, "Hard stop: the end user is a listed party", "/cases/" + NORTHBRIDGE_HARD_STOP, "caseworker");
        journey(lines, "The exporter's applications", "/applications", "northbridge.lee");
        journey(lines, "Team queues", "/queues", "caseworker");
        journey(lines, "Service-level dashboard", "/service-levels", "oversight");
        journey(lines, "Ledger checkpoint (signed tree head)", "/ledger/checkpoint", "no sign-in");
        lines.add("Cases by route: "
                + String.join(
                        ", ",
                        jdbc.sql(
                                        "select route, count(*) from licensing_case where route is not null group by route order by route")
                                .query((rs, n) -> rs.getString(1) + " " + rs.getLong(2))
                                .list()));
        return lines;
    }

    private static void journey(List<String> lines, String what, String path, String login) {
        lines.add(String.format(Locale.ROOT, "  %-44s %-50s (%s)", what, path, login));
    }

    /**
     * The forensic deals' due diligence: the customer asked for covert-access training beyond seized-device
     * extraction (EUREC-RF-CUST), the red flag that takes them to enhanced review; oversight is not stated.
     */
    private static final Map<DueDiligenceQuestion, Application.Answer> TRAINING_BEYOND_USE = Map.of(
            DueDiligenceQuestion.END_USE_INFORMATION_REFUSED, Application.Answer.NO,
            DueDiligenceQuestion.UNUSUAL_INTERMEDIARY_OR_PAYMENT, Application.Answer.NO,
            DueDiligenceQuestion.SECRECY_REQUESTED, Application.Answer.NO,
            DueDiligenceQuestion.FEATURES_OR_TRAINING_MISMATCH, Application.Answer.YES);

    private static void submit(
            Cases cases,
            Caller exporter,
            UUID id,
            Product product,
            CaseCommand.Declarations declared,
            Party endUser,
            String endUse) {
        submit(cases, exporter, id, product, declared, endUser, endUse, Map.of());
    }

    private static void submit(
            Cases cases,
            Caller exporter,
            UUID id,
            Product product,
            CaseCommand.Declarations declared,
            Party endUser,
            String endUse,
            Map<DueDiligenceQuestion, Application.Answer> dueDiligence) {
        ApplicationDetails details = new ApplicationDetails(
                List.of(product),
                List.of(endUser),
                Set.of(endUser.countryCode()),
                endUse,
                new UndertakingDocument(
                        "demo-undertaking-" + id,
                        "application/pdf",
                        48_213,
                        "9f2c4b7e1d0a6c3b8e5f2a1d4c7b0e3f6a9d2c5b8e1f4a7d0c3b6e9f2a5d8c1b"),
                Set.of(Safeguard.AUDIT_RIGHTS, Safeguard.NO_ONWARD_TRANSFER, Safeguard.LOGGING),
                new QuantityModel(4, 2, 1, 12),
                null,
                null,
                dueDiligence);
        cases.startDraft(exporter, id, LicenceType.INDIVIDUAL, details, declared);
        cases.submit(exporter, id);
    }

    /** Registers the product in the exporter's register; the application line names it by its register id. */
    private Product registered(Caller exporter, String name, String reference, String answers) {
        Map<String, List<String>> parsed = new LinkedHashMap<>();
        for (String pair : answers.split(";")) {
            String[] kv = pair.strip().split("=", 2);
            parsed.put(kv[0].strip(), List.of(kv[1].strip().split(",")));
        }
        var product = products.register(exporter, new ProductInput(name, reference, null, parsed));
        return new Product(product.id().toString(), name, ClassificationStatus.CONFIRMED, List.of("4D004"));
    }

    private static Party party(String name, String country, EndUserType type, String unit) {
        return new Party("EU1", PartyRole.END_USER, name, country, "Demo address 1, " + country, type, unit);
    }
}
