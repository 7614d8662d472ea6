package org.pallas.server.licensing.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.Party;
import org.pallas.licensing.Product;
import org.pallas.licensing.RiskContribution;
import org.pallas.licensing.Routing;
import org.pallas.policy.AdviserTeam;
import org.pallas.policy.Assessment;
import org.pallas.policy.EndUse;
import org.pallas.policy.Finding;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.classification.ConfirmedRating;
import org.pallas.server.classification.ConfirmedRatings;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.policy.Assessments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the automated assessment on a submitted application, through policy's entry point ({@link
 * Assessments#assessSubmitted}, the active approved rulebook), and turns it into the case's
 * {@link Routing}. An application with several products is assessed once per product and placed by the most severe
 * route, so that no product rides on a milder one's assessment.
 *
 * <p>A product's control entries and risk tier come from the authority's confirmed (or amended) classification
 * when the product is in the exporter's register with a decided classification request ({@link ConfirmedRatings},
 * read as the submitting caller, so an exporter cannot borrow another organisation's product); otherwise the
 * exporter's declared entries and tier are used and the summary marks the product as pending classification.
 */
@Component
public class SubmissionAssessments {

    /** What the case page shows of the assessment (regulator-only). */
    public record Summary(
            String route,
            int score,
            List<String> routeBasis,
            String rulebookVersion,
            List<String> unverified,
            List<String> classifications) {}

    public record Result(Routing routing, Summary summary) {}

    private static final ScreeningOutcome NOT_SCREENED = new ScreeningOutcome(false, Map.of(), List.of());

    private final Assessments policy;
    private final PartyScreening screening;
    private final ConfirmedRatings ratings;

    public SubmissionAssessments(
            Assessments policy, ObjectProvider<PartyScreening> screening, ConfirmedRatings ratings) {
        this.policy = policy;
        this.screening = screening.getIfAvailable(() -> party -> NOT_SCREENED);
        this.ratings = ratings;
    }

    /** Assesses as the signed-in caller of the request (the submitting exporter), if any. */
    Result assess(String reference, ApplicationDetails details, CaseCommand.Declarations declared, LocalDate asOf) {
        return assess(Caller.find().orElse(null), reference, details, declared, asOf);
    }

    /**
     * Assesses with the classifications {@code caller} may see; with no caller, every product is pending
     * classification and assessed on the exporter's declarations.
     */
    public Result assess(
            Caller caller,
            String reference,
            ApplicationDetails details,
            CaseCommand.Declarations declared,
            LocalDate asOf) {
        List<Assessment> assessments = new ArrayList<>();
        List<String> classifications = new ArrayList<>();
        for (Product product : details.products()) {
            Optional<ConfirmedRating> confirmed = confirmed(caller, product);
            classifications.add(describe(product, confirmed, declared));
            assessments.add(policy.assessSubmitted(facts(reference, product, confirmed, details, declared, asOf)));
        }
        Assessment worst = assessments.stream()
                .max(Comparator.comparing(Assessment::route))
                .orElseThrow();
        AssessmentRoute route = AssessmentRoute.valueOf(worst.route().name());
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
                        worst.routeBasis(),
                        ref,
                        worst.unverifiedCitations(),
                        List.copyOf(classifications)));
    }

    /** The product's decided classification, if it names a registered product the caller may see. */
    private Optional<ConfirmedRating> confirmed(Caller caller, Product product) {
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
            return ratings.latest(caller, id);
        } catch (NotFoundException e) {
            return Optional.empty(); // not the caller's product: its classification is not theirs to use
        }
    }

    private static String describe(
            Product product, Optional<ConfirmedRating> confirmed, CaseCommand.Declarations declared) {
        return confirmed
                .map(r -> product.name() + ": confirmed classification ("
                        + r.status().name().toLowerCase(Locale.ROOT)
                        + " by the authority, request " + r.requestId() + ", product version " + r.productVersion()
                        + ", tier " + r.rating().riskTier() + ", entries "
                        + entries(r).stream()
                                .map(e -> e.regime() + " " + e.entry())
                                .toList() + ")")
                .orElseGet(() -> product.name() + ": pending classification, assessed on the exporter's declared "
                        + "entries " + product.controlEntries() + " and tier " + declared.riskTier());
    }

    private static List<org.pallas.policy.Product.ControlEntry> entries(ConfirmedRating rating) {
        List<org.pallas.policy.Product.ControlEntry> entries = new ArrayList<>();
        rating.rating()
                .entries()
                .forEach((regime, codes) -> codes.forEach(
                        code -> entries.add(new org.pallas.policy.Product.ControlEntry(regime.name(), code))));
        return entries;
    }

    private org.pallas.policy.Application facts(
            String reference,
            Product product,
            Optional<ConfirmedRating> confirmed,
            ApplicationDetails details,
            CaseCommand.Declarations declared,
            LocalDate asOf) {
        // The authority's confirmed rating when there is one; the exporter's declared entries and tier otherwise.
        var classified = confirmed
                .map(r -> new org.pallas.policy.Product(
                        product.name(), entries(r), r.rating().riskTier(), null, null, Set.of()))
                .orElseGet(() -> new org.pallas.policy.Product(
                        product.name(),
                        product.controlEntries().stream()
                                .map(e -> new org.pallas.policy.Product.ControlEntry("EU", e))
                                .toList(),
                        declared.riskTier(),
                        null,
                        null,
                        Set.of()));
        List<org.pallas.policy.Party> parties =
                details.parties().stream().map(this::party).toList();
        EndUse.Category category = EndUse.Category.valueOf(declared.endUseCategory());
        return new org.pallas.policy.Application(
                reference,
                asOf,
                classified,
                parties,
                List.copyOf(details.destinations()),
                new EndUse(category, details.endUseStatement(), false),
                Map.of(),
                List.of(),
                List.of(),
                null);
    }

    private org.pallas.policy.Party party(Party p) {
        var role = switch (p.role()) {
            case END_USER -> org.pallas.policy.Party.PartyRole.END_USER;
            case ULTIMATE_END_USER -> org.pallas.policy.Party.PartyRole.ULTIMATE_END_USER;
            case CONSIGNEE -> org.pallas.policy.Party.PartyRole.CONSIGNEE;
            case INTERMEDIARY, BROKER -> org.pallas.policy.Party.PartyRole.INTERMEDIARY;
        };
        org.pallas.policy.Party.EndUserType type = p.endUserType() == null
                ? null
                : switch (p.endUserType()) {
                    case GOVERNMENT -> org.pallas.policy.Party.EndUserType.OTHER_GOVERNMENT;
                    case COMMERCIAL -> org.pallas.policy.Party.EndUserType.COMMERCIAL;
                    case INDIVIDUAL, OTHER -> null;
                };
        return new org.pallas.policy.Party(
                role,
                p.name(),
                p.countryCode().toUpperCase(Locale.ROOT),
                type,
                p.agencyOrUnit(),
                null,
                null,
                screening.screen(p));
    }
}
