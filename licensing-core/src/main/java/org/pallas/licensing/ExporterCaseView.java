package org.pallas.licensing;

import java.time.Instant;
import java.util.List;

/**
 * What the exporter may see of a case: its status, the final decision with reasons, cited criteria and conditions,
 * the information requests, public risk factors and the appeal. Built only from exporter-safe types, so it cannot
 * carry advice, internal notes, countersignatures, proposed decisions, officer identities or internal risk
 * contributions (ExporterCaseViewTest walks the type graph to prove it).
 *
 * @param decision null until the case is finalised
 * @param appeal null unless an appeal was lodged
 */
public record ExporterCaseView(
        String caseId,
        LicenceType type,
        ExporterStatus status,
        int currentVersion,
        DecisionNotice decision,
        List<Question> informationRequests,
        List<RiskFactor> riskFactors,
        AppealNotice appeal) {

    public ExporterCaseView {
        informationRequests = List.copyOf(informationRequests);
        riskFactors = List.copyOf(riskFactors);
    }

    /** The final decision as the exporter receives it. */
    public record DecisionNotice(
            Outcome outcome,
            String reasons,
            List<CitedCriterion> criteria,
            List<String> conditions,
            Instant decidedAt,
            Instant appealDeadline) {

        public DecisionNotice {
            criteria = List.copyOf(criteria);
            conditions = List.copyOf(conditions);
        }
    }

    /** A cited refusal criterion; {@code unverified} when its rule is tagged [R] in regulation.md. */
    public record CitedCriterion(String ruleId, String summary, boolean unverified) {}

    public record Question(int number, String question, Instant askedAt, String answer, Instant answeredAt) {}

    /** A risk factor the assessment allows the exporter to see, e.g. why more questions are asked. */
    public record RiskFactor(String ruleId, String explanation) {}

    public record AppealNotice(Instant lodgedAt, Outcome outcome, String reasons, Instant decidedAt) {}

    /** The exporter's view of the case; only members of the owning organisation may have it. */
    public static ExporterCaseView of(Case c, Actor viewer) {
        viewer.requireExporterOf(c.application().organisationId(), "view case " + c.caseId());
        DecisionNotice decision = c.status() == CaseStatus.FINALISED
                        || c.status() == CaseStatus.UNDER_APPEAL
                        || c.status() == CaseStatus.APPEAL_DECIDED
                ? c.decision()
                        .map(d -> new DecisionNotice(
                                d.outcome(),
                                d.reasons(),
                                d.criteria().stream()
                                        .map(k -> new CitedCriterion(k.id(), k.summary(), k.unverified()))
                                        .toList(),
                                d.conditions(),
                                d.decidedAt(),
                                c.appealDeadline().orElse(null)))
                        .orElse(null)
                : null;
        List<Question> questions = c.informationRequests().stream()
                .map(q -> new Question(q.number(), q.question(), q.askedAt(), q.answer(), q.answeredAt()))
                .toList();
        List<RiskFactor> factors = c.routing()
                .map(r -> r.contributions().stream()
                        .filter(k -> !k.internal())
                        .map(k -> new RiskFactor(k.ruleId(), k.explanation()))
                        .toList())
                .orElse(List.of());
        AppealNotice appeal = c.appeal()
                .map(a -> new AppealNotice(a.lodgedAt(), a.outcome(), a.reasons(), a.decidedAt()))
                .orElse(null);
        int version = c.application().versions().isEmpty()
                ? 0
                : c.application().current().number();
        return new ExporterCaseView(
                c.caseId(),
                c.application().type(),
                ExporterStatus.of(c),
                version,
                decision,
                questions,
                factors,
                appeal);
    }
}
