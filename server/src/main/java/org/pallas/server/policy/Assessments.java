package org.pallas.server.policy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pallas.policy.Application;
import org.pallas.policy.Assessment;
import org.pallas.policy.CountryData;
import org.pallas.policy.DueDiligenceQuestionnaire;
import org.pallas.policy.MisuseEvidence;
import org.pallas.policy.Party;
import org.pallas.policy.PolicyEngine;
import org.pallas.policy.Rulebook;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Stateless assessment, the one way into the rulebook: facts in, assessment out, always by the active approved
 * rulebook (a reviewed change is used from the commit of its approval on). Parties without a screening outcome are
 * screened first, and the due-diligence plan says which questions this risk calls for (EUREC-DD-3). Nothing is
 * stored, so nothing is recorded on the ledger.
 */
@Service
public class Assessments {

    static final int MAX_PARTIES = 50;
    static final int MAX_NAME = 500;

    private final Rulebooks rulebooks;
    private final CountryData countries;
    private final MisuseEvidence misuse;
    private final PartyScreening screening;
    private final Clock clock;

    Assessments(
            Rulebooks rulebooks, CountryData countries, MisuseEvidence misuse, PartyScreening screening, Clock clock) {
        this.rulebooks = rulebooks;
        this.countries = countries;
        this.misuse = misuse;
        this.screening = screening;
        this.clock = clock;
    }

    /**
     * The assessment with the facts it used (parties as screened) and the due-diligence questions its risk calls for.
     */
    public record Result(Assessment assessment, List<Party> parties, DueDiligenceQuestionnaire.Plan dueDiligencePlan) {}

    /** Exporters (to pre-check a deal) and the licensing authority may assess; oversight and others may not. */
    static boolean mayAssess(Caller caller) {
        return (caller.isExporter() && caller.hasRole(Role.EXPORTER))
                || (!caller.isExporter() && caller.hasAnyRole(Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER));
    }

    public Result assess(Caller caller, Application facts) {
        return assess(caller, facts, rulebooks.active());
    }

    /**
     * The assessment of an application submitted to the licensing authority, by the active approved rulebook. The
     * parties are assessed as the submission screened them (a party reported not screened stays so, which the rulebook
     * treats as a red flag, RF-PARTY-NOT-SCREENED), and licensing has authorised the submission, so no caller is
     * checked here.
     */
    public Assessment assessSubmitted(Application facts) {
        return new PolicyEngine(rulebooks.active(), countries, misuse, clock).assess(facts);
    }

    /**
     * The regulation rule IDs each rule of a rulebook version implements, by rule ID (e.g. {@code UK-CRIT-7 [S]};
     * unverified ones marked), for the case view's rule contributions; empty when this server does not know the
     * version. Reading the published rulebook needs no caller.
     */
    public Map<String, List<String>> citations(String rulebookVersion) {
        Map<String, List<String>> cited = new java.util.LinkedHashMap<>();
        rulebooks
                .find(rulebookVersion)
                .ifPresent(rulebook -> rulebook.rules()
                        .forEach(rule -> cited.put(
                                rule.id(),
                                rule.implementsIds().stream()
                                        .map(Object::toString)
                                        .toList())));
        return cited;
    }

    /**
     * The rules of the active rulebook that read a fact (e.g. {@code endUse.targeted}): whether asking the applicant for
     * it can matter is whether one of them fires. Reading the published rulebook needs no caller.
     */
    public Set<String> rulesReading(String fact) {
        Set<String> ids = new java.util.TreeSet<>();
        rulebooks.active().rules().stream()
                .filter(rule -> rule.reads().contains(fact))
                .forEach(rule -> ids.add(rule.id()));
        return ids;
    }

    /** Re-runs facts against a recorded rulebook version; 404 when this server does not know the version. */
    public Result reassess(Caller caller, Application facts, String rulebookVersion) {
        Rulebook rulebook = rulebooks
                .find(rulebookVersion)
                .orElseThrow(() -> new NotFoundException("Rulebook version", rulebookVersion));
        return assess(caller, facts, rulebook);
    }

    private Result assess(Caller caller, Application facts, Rulebook rulebook) {
        if (!mayAssess(caller)) {
            throw new AccessDeniedException("Only exporters and the licensing authority may run assessments.");
        }
        validate(facts);
        Application screened = screening.screenUnscreened(facts);
        PolicyEngine engine = new PolicyEngine(rulebook, countries, misuse, clock);
        Assessment assessment = engine.assess(screened);
        DueDiligenceQuestionnaire.Plan plan = new DueDiligenceQuestionnaire(engine).plan(screened);
        return new Result(assessment, screened.parties(), plan);
    }

    /** Checks what the JSON shape cannot: known countries, names the screening can take, a bounded size. */
    void validate(Application facts) {
        List<FieldProblem> problems = new ArrayList<>();
        if (facts.parties().isEmpty()) {
            problems.add(new FieldProblem("parties", "List the parties: at least the exporter and the end user"));
        }
        if (facts.parties().size() > MAX_PARTIES) {
            problems.add(new FieldProblem("parties", "At most " + MAX_PARTIES + " parties"));
        }
        for (int i = 0; i < facts.parties().size(); i++) {
            Party p = facts.parties().get(i);
            if (p.name().isBlank() || p.name().length() > MAX_NAME) {
                problems.add(new FieldProblem(
                        "parties[" + i + "].name", "Give the party's name (1 to " + MAX_NAME + " characters)"));
            }
            if (!countries.contains(p.country())) {
                problems.add(
                        new FieldProblem("parties[" + i + "].country", "Unknown country code '" + p.country() + "'"));
            }
            ScreeningOutcome s = p.screening();
            if (s.screened() && s.listVersions().isEmpty()) {
                problems.add(new FieldProblem(
                        "parties[" + i + "].screening.listVersions",
                        "A screening outcome must name the list versions it screened against"));
            }
        }
        for (int i = 0; i < facts.destinations().size(); i++) {
            if (!countries.contains(facts.destinations().get(i))) {
                problems.add(new FieldProblem(
                        "destinations[" + i + "]",
                        "Unknown country code '" + facts.destinations().get(i) + "'"));
            }
        }
        if (facts.reference() != null && facts.reference().length() > 200) {
            problems.add(new FieldProblem("reference", "Reference must be 200 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
