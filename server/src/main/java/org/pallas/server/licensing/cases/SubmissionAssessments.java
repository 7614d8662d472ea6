package org.pallas.server.licensing.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.Product;
import org.pallas.licensing.RiskContribution;
import org.pallas.licensing.Routing;
import org.pallas.policy.AdviserTeam;
import org.pallas.policy.Assessment;
import org.pallas.policy.Effect;
import org.pallas.policy.EndUse;
import org.pallas.policy.Finding;
import org.pallas.policy.PriorDenial;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.classification.RegisterClassifications;
import org.pallas.server.identity.Organisations;
import org.pallas.server.misuse.MisuseReports;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.policy.Assessments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the automated assessment on a submitted application, through policy's entry point ({@link
 * Assessments#assessSubmitted}, the active approved rulebook), and turns it into the case's {@link Routing}. An
 * application with several products is assessed once per product and placed by the most severe route, so that no
 * product rides on a milder one's assessment. The facts are built in one place, {@link SubmissionFacts}.
 *
 * <p>A product's control entries, risk tier and capabilities come from the exporter's product register ({@link
 * RegisterClassifications}, read as the submitting caller, so an exporter cannot borrow another organisation's
 * product): the authority's confirmed rating when a classification request was decided, otherwise the rating
 * computed from the product's answers. A declared classification that differs is kept as the exporter's claim and
 * routing takes the stricter; a product the register does not classify cannot take the fast track.
 *
 * <p>Every party is screened, and so is the exporting organisation itself; this authority's earlier refusals naming a
 * party are its prior denials.
 */
@Component
public class SubmissionAssessments {

    /** The rule-like basis given when an unclassified product is kept off the fast track (EUREC-DD-1). */
    public static final String UNCLASSIFIED_PRODUCT = "UNCLASSIFIED-PRODUCT";

    /** What the case page shows of the assessment (regulator-only). */
    public record Summary(
            String route,
            int score,
            List<String> routeBasis,
            String rulebookVersion,
            List<String> unverified,
            List<String> classifications,
            List<ProductClassification> products) {}

    /**
     * One product's classification side by side: what the register says, what the exporter declared, what routing
     * used (the stricter). {@code registerTier} is null when the register does not classify the product.
     */
    public record ProductClassification(
            String name,
            String basis,
            Integer registerTier,
            List<String> registerEntries,
            Integer declaredTier,
            List<String> declaredEntries,
            int routedTier,
            boolean differs) {}

    public record Result(Routing routing, Summary summary) {}

    private static final ScreeningOutcome NOT_SCREENED = new ScreeningOutcome(false, Map.of(), List.of());

    private final Assessments policy;
    private final PartyScreening screening;
    private final RegisterClassifications register;
    private final Organisations organisations;
    private final CaseStore store;
    private final MisuseReports misuse;

    public SubmissionAssessments(
            Assessments policy,
            ObjectProvider<PartyScreening> screening,
            RegisterClassifications register,
            Organisations organisations,
            CaseStore store,
            MisuseReports misuse) {
        this.misuse = misuse;
        this.policy = policy;
        this.screening = screening.getIfAvailable(() -> party -> NOT_SCREENED);
        this.register = register;
        this.organisations = organisations;
        this.store = store;
    }

    /** Assesses as the signed-in caller of the request (the submitting exporter), if any. */
    Result assess(String reference, ApplicationDetails details, CaseCommand.Declarations declared, LocalDate asOf) {
        return assess(Caller.find().orElse(null), reference, details, declared, asOf);
    }

    /**
     * Assesses with the register {@code caller} may see and the caller's organisation as the exporter; with no caller,
     * no product is classified and no exporter is screened.
     */
    public Result assess(
            Caller caller,
            String reference,
            ApplicationDetails details,
            CaseCommand.Declarations declared,
            LocalDate asOf) {
        return assess(caller, null, reference, details, declared, asOf);
    }

    Result assess(
            Caller caller,
            UUID caseId,
            String reference,
            ApplicationDetails details,
            CaseCommand.Declarations declared,
            LocalDate asOf) {
        List<org.pallas.policy.Party> parties = new ArrayList<>();
        exporter(caller).ifPresent(parties::add);
        for (Party p : details.parties()) {
            parties.add(SubmissionFacts.party(p, screening.screen(p)));
        }
        List<PriorDenial> denials = store.refusalsNaming(
                parties.stream().map(org.pallas.policy.Party::name).toList(), caseId == null ? new UUID(0, 0) : caseId);
        String vendor = caller == null ? null : caller.organisationName();

        List<Assessment> assessments = new ArrayList<>();
        List<String> classifications = new ArrayList<>();
        List<ProductClassification> products = new ArrayList<>();
        boolean unclassified = false;
        for (Product product : details.products()) {
            SubmissionFacts.ProductFacts facts =
                    SubmissionFacts.product(product, registered(caller, product), declared, vendor);
            unclassified |= !facts.classified();
            classifications.add(facts.describe(product.name()));
            products.add(new ProductClassification(
                    product.name(),
                    facts.basis(),
                    facts.registerTier(),
                    facts.registerEntries(),
                    facts.declaredTier(),
                    facts.declaredEntries(),
                    facts.product().riskTier(),
                    facts.differs()));
            // Misuse evidence the authority confirmed (issue 14) about these end users, this product or its vendor.
            List<org.pallas.policy.MisuseMatch> confirmed = misuse.confirmedEvidence(parties, product.name(), vendor);
            assessments.add(policy.assessSubmitted(SubmissionFacts.application(
                    reference, asOf, facts, parties, details, declared, denials, confirmed)));
        }
        Assessment worst = assessments.stream()
                .max(Comparator.comparing(Assessment::route))
                .orElseThrow();
        AssessmentRoute route = AssessmentRoute.valueOf(worst.route().name());
        List<String> basis = new ArrayList<>(worst.routeBasis());
        if (unclassified && route == AssessmentRoute.FAST_TRACK) {
            // EUREC-DD-1: the item's sensitivity is the first fact of the risk assessment; unknown, it is not low.
            route = AssessmentRoute.STANDARD;
            basis.add(UNCLASSIFIED_PRODUCT + " (STANDARD): a product is not classified in the register");
        }
        Set<AdviserTeam> teams = EnumSet.noneOf(AdviserTeam.class);
        Set<String> conditions = new LinkedHashSet<>();
        List<RiskContribution> contributions = new ArrayList<>();
        for (Assessment a : assessments) {
            a.consultations().forEach(c -> teams.add(c.team()));
            a.conditions().forEach(c -> conditions.add(c.text()));
            for (Assessment.Contribution c : a.contributions()) {
                Finding first = a.redFlags().stream()
                        .filter(f -> f.ruleId().equals(c.ruleId()))
                        .findFirst()
                        .orElse(null);
                // Findings about a named party rest on screening and misuse evidence: regulator-only.
                boolean internal = first == null || first.subject().startsWith("party");
                contributions.add(new RiskContribution(
                        c.ruleId(), first == null ? c.ruleId() : first.explanation(), c.weight(), internal));
            }
        }
        if (!route.adviceAllowed()) {
            teams.clear();
        }
        String ref = "rulebook " + worst.rulebookVersion() + " "
                + worst.rulebookHash().substring(0, 12);
        Routing routing = new Routing(route, teams, List.copyOf(conditions), contributions, ref);
        return new Result(
                routing,
                new Summary(
                        route.name(),
                        worst.score(),
                        List.copyOf(basis),
                        ref,
                        worst.unverifiedCitations(),
                        List.copyOf(classifications),
                        List.copyOf(products)));
    }

    /**
     * A mitigation the rulebook scores, asked of this application because the applicant's answer would change its
     * assessment (questions depend on the risk, EUREC-DD-3: proportionate burden).
     *
     * @param field {@code targetedUse}, or {@code parties[i].oversight} for the i-th party
     * @param partyId the party asked about, or null for the application
     * @param text the question, as the applicant reads it
     * @param rules the rules that fire while the question is unanswered
     */
    public record Question(String field, String partyId, String text, List<String> rules) {}

    /** The fact a targeted scope answers, and the fact a party's stated oversight answers. */
    static final String TARGETED_FACT = "endUse.targeted";

    static final String OVERSIGHT_FACT = "party.independentOversight";

    /** Party findings name their party "party N: …", N counting from 1 in the application's order. */
    private static final Pattern PARTY_SUBJECT = Pattern.compile("party (\\d+):.*");

    /**
     * The mitigations to ask of a draft: its facts are assessed with the targeted scope and every party's oversight
     * unanswered, and a question is asked when a rule reading that fact fires (RF-UNTARGETED-USE for the scope;
     * RF-OVERSIGHT-UNKNOWN, REF-HR-GOVERNMENT-END-USER for a party's oversight, by the active rulebook). A draft that
     * does not yet name a product, an end use and each party's country is asked nothing yet. Screening and prior
     * denials do not read these facts and are left out.
     */
    public List<Question> questions(
            Caller caller, ApplicationDetails details, CaseCommand.Declarations declared, LocalDate asOf) {
        boolean complete = !details.products().isEmpty()
                && declared.endUseCategory() != null
                && Arrays.stream(EndUse.Category.values())
                        .anyMatch(c -> c.name().equals(declared.endUseCategory()))
                && details.parties().stream()
                        .allMatch(p -> p.role() != null
                                && p.countryCode() != null
                                && p.countryCode().strip().matches("[A-Za-z]{2}"));
        if (!complete) {
            return List.of();
        }
        List<Party> unanswered = details.parties().stream()
                .map(p -> new Party(
                        p.partyId(),
                        p.role(),
                        p.name(),
                        p.countryCode().strip(),
                        p.address(),
                        p.endUserType(),
                        p.agencyOrUnit()))
                .toList();
        ApplicationDetails asked = details.withParties(unanswered).withTargetedUse(null);
        List<org.pallas.policy.Party> parties = unanswered.stream()
                .map(p -> SubmissionFacts.party(p, NOT_SCREENED))
                .toList();
        String vendor = caller == null ? null : caller.organisationName();
        Set<String> targetedRules = policy.rulesReading(TARGETED_FACT);
        Set<String> oversightRules = policy.rulesReading(OVERSIGHT_FACT);
        Set<String> targetedFired = new TreeSet<>();
        Map<Integer, Set<String>> oversightFired = new TreeMap<>();
        for (Product product : details.products()) {
            SubmissionFacts.ProductFacts facts =
                    SubmissionFacts.product(product, registered(caller, product), declared, vendor);
            Assessment a = policy.assessSubmitted(SubmissionFacts.application(
                    "questions", asOf, facts, parties, asked, declared, List.of(), List.of()));
            for (Finding f : a.findings()) {
                if (f.effect() == Effect.PASS) {
                    continue;
                }
                if (targetedRules.contains(f.ruleId())) {
                    targetedFired.add(f.ruleId());
                }
                Matcher party = PARTY_SUBJECT.matcher(f.subject());
                if (oversightRules.contains(f.ruleId()) && party.matches()) {
                    oversightFired
                            .computeIfAbsent(Integer.parseInt(party.group(1)) - 1, i -> new TreeSet<>())
                            .add(f.ruleId());
                }
            }
        }
        List<Question> questions = new ArrayList<>();
        if (!targetedFired.isEmpty()) {
            questions.add(new Question(
                    "targetedUse",
                    null,
                    "How many targets, of what kind, for how long will the item be used against? Use of a high-risk"
                            + " item not limited to specific, lawful targets counts against the application (PMP-PRE-1).",
                    List.copyOf(targetedFired)));
        }
        oversightFired.forEach((i, rules) -> {
            Party p = details.parties().get(i);
            questions.add(new Question(
                    "parties[" + i + "].oversight",
                    p.partyId(),
                    "Is " + p.name() + "'s use of the item subject to independent oversight? Name the oversight body"
                            + " and the legal basis (the warrant regime) (PMP-OVS-1).",
                    List.copyOf(rules)));
        });
        return List.copyOf(questions);
    }

    /** The exporting organisation, screened like the application's parties (its country defaults to the UK's). */
    private Optional<org.pallas.policy.Party> exporter(Caller caller) {
        if (caller == null || caller.organisationId() == null || !caller.isExporter()) {
            return Optional.empty();
        }
        String country;
        try {
            String known = organisations.find(caller, caller.organisationId()).country();
            country = known == null || !known.strip().matches("[A-Za-z]{2}")
                    ? AUTHORITY_COUNTRY
                    : known.strip().toUpperCase(Locale.ROOT);
        } catch (NotFoundException e) {
            country = AUTHORITY_COUNTRY;
        }
        // Screened through the same seam as the parties; the exporter is not one of the application's parties.
        Party asParty =
                new Party("exporter", PartyRole.CONSIGNEE, caller.organisationName(), country, null, null, null);
        return Optional.of(SubmissionFacts.exporter(caller.organisationName(), country, screening.screen(asParty)));
    }

    private static final String AUTHORITY_COUNTRY = "GB";

    /** The register's classification, if the product line names a registered product the caller may see. */
    private Optional<RegisterClassifications.RegisteredClassification> registered(Caller caller, Product product) {
        if (caller == null || product.productId() == null) {
            return Optional.empty();
        }
        UUID id;
        try {
            id = UUID.fromString(product.productId().strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // the exporter's own catalogue number, not a registered product
        }
        try {
            return register.of(caller, id);
        } catch (NotFoundException e) {
            return Optional.empty(); // not the caller's product: its classification is not theirs to use
        }
    }
}
