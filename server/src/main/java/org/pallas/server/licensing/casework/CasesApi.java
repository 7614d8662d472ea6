package org.pallas.server.licensing.casework;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.AdviceType;
import org.pallas.licensing.AssessmentRoute;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.Queue;
import org.pallas.licensing.RefusalCriterion;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.licensing.cases.AuthorityCase;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.cases.CaseworkQueries;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.licensing.licences.Licences;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authority's case-working API (issue #19): the queue, the whole case, and every action of the case page, each
 * calling the same {@link Cases} (or {@link Licences}) method as the web form — one rule, two doors. Roles, four eyes
 * and states are the domain's; a case an adviser was not asked about answers 404; errors are problem+json. Every
 * action answers with the case as it now stands ({@link AuthorityCase}, the view the case page renders).
 */
@RestController
@RequestMapping("/api/v1/cases")
@Tag(name = "Cases", description = "The licensing authority works cases: queue, case, and every casework action")
class CasesApi {

    private final Cases cases;
    private final CaseQueries queries;
    private final CaseworkQueries casework;
    private final LicenceStore licenceStore;
    private final Licences licences;
    private final org.pallas.server.policy.Assessments assessments;

    CasesApi(
            Cases cases,
            CaseQueries queries,
            CaseworkQueries casework,
            LicenceStore licenceStore,
            Licences licences,
            org.pallas.server.policy.Assessments assessments) {
        this.cases = cases;
        this.queries = queries;
        this.casework = casework;
        this.licenceStore = licenceStore;
        this.licences = licences;
        this.assessments = assessments;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** One case in the queue. {@code workingDaysElapsed} is null when the calendar does not cover the case. */
    record QueueEntry(
            UUID id,
            String reference,
            String organisation,
            String title,
            CaseStatus status,
            AssessmentRoute route,
            String caseOfficer,
            List<String> destinations,
            List<Queue> queues,
            Instant statusSince,
            Instant submittedAt,
            int workingDaysInQueue,
            Integer workingDaysElapsed,
            Integer workingDaysRemaining,
            boolean overdue,
            boolean withApplicant) {}

    record QueuePage(List<QueueEntry> items, long total, int page, int pages) {}

    @GetMapping
    @Operation(
            summary = "The open cases, filtered, sorted and paged as on the team queue page (caseworkers and"
                    + " senior officers)")
    QueuePage queue(
            @RequestParam(name = "queue", required = false) Queue queue,
            @RequestParam(name = "route", required = false) AssessmentRoute route,
            @RequestParam(name = "status", required = false) CaseStatus status,
            @Parameter(description = "two-letter country code") @RequestParam(name = "destination", required = false)
                    String destination,
            @Parameter(description = "me, unassigned or an officer's id")
                    @RequestParam(name = "officer", required = false)
                    String officer,
            @RequestParam(name = "overdue", defaultValue = "false") boolean overdue,
            @RequestParam(name = "sort", required = false) CaseQueries.QueueSort sort,
            @RequestParam(name = "page", defaultValue = "1") int page) {
        CaseQueries.Page<CaseQueries.TeamQueueRow> rows = queries.teamQueue(
                Caller.current(),
                new CaseQueries.QueueFilter(queue, route, status, destination, officer, overdue, sort, page));
        return new QueuePage(
                rows.items().stream()
                        .map(r -> new QueueEntry(
                                r.id(),
                                r.reference(),
                                r.organisation(),
                                r.title(),
                                r.status(),
                                r.route(),
                                r.caseOfficer(),
                                r.destinations(),
                                r.queues(),
                                r.statusSince(),
                                r.submittedAt(),
                                r.workingDaysInQueue(),
                                r.workingDaysElapsed(),
                                r.slaDaysRemaining(),
                                r.overdue(),
                                r.withApplicant()))
                        .toList(),
                rows.total(),
                rows.page(),
                rows.pages());
    }

    @GetMapping("/{id}")
    @Operation(
            summary =
                    "The whole case for the authority: status, route, score, rulebook version, rule contributions"
                            + " with citations, parties, advice, decision, appeal, notes, the service-level clock and the licence")
    CaseResponse get(@PathVariable UUID id) {
        return response(cases.authorityCase(Caller.current(), id));
    }

    // ---- actions -----------------------------------------------------------------------------------------------

    @PostMapping("/{id}/assign")
    @Operation(summary = "Assign the case to yourself (a caseworker or senior officer)")
    CaseResponse assign(@PathVariable UUID id) {
        return response(cases.assignToSelf(Caller.current(), id));
    }

    record AssignmentRequest(
            @NotNull(message = "Choose the officer") UUID officer) {}

    @PostMapping(path = "/{id}/assignment", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A senior officer assigns the case to an officer of the authority")
    CaseResponse assignTo(@PathVariable UUID id, @Valid @RequestBody AssignmentRequest request) {
        return response(cases.assignTo(Caller.current(), id, request.officer()));
    }

    @PostMapping("/{id}/checks")
    @Operation(summary = "The case officer completes the initial checks")
    CaseResponse checks(@PathVariable UUID id) {
        return response(cases.completeInitialChecks(Caller.current(), id));
    }

    record InformationRequestBody(
            @NotBlank(message = "Write the question to the applicant")
            String question) {}

    @PostMapping(path = "/{id}/information-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask the applicant a question; the service-level clock stops until they answer")
    CaseResponse requestInformation(@PathVariable UUID id, @Valid @RequestBody InformationRequestBody request) {
        return response(cases.requestInformation(Caller.current(), id, request.question()));
    }

    record AdviceRequestBody(
            List<AdviserTeam> teams,

            @NotBlank(message = "Say what the advisers should look at")
            String reason) {}

    @PostMapping(path = "/{id}/advice-request", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Ask adviser teams for advice (the route's required teams are always asked)")
    CaseResponse requestAdvice(@PathVariable UUID id, @Valid @RequestBody AdviceRequestBody request) {
        Set<AdviserTeam> teams =
                request.teams() == null || request.teams().isEmpty() ? Set.of() : EnumSet.copyOf(request.teams());
        return response(cases.requestAdvice(Caller.current(), id, teams, request.reason()));
    }

    record AdviceBody(
            @NotNull(message = "Choose the advice") AdviceType type,

            @NotBlank(message = "Give the reasoning for the advice")
            String reasoning,

            List<String> conditions,
            List<RefusalCriterion> criteria) {}

    @PostMapping(path = "/{id}/advice", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "An adviser gives their team's advice (conditions with APPROVE_WITH_CONDITIONS, criteria with"
                    + " REFUSE)")
    CaseResponse advise(@PathVariable UUID id, @Valid @RequestBody AdviceBody request) {
        return response(cases.giveAdvice(
                Caller.current(),
                id,
                request.type(),
                request.reasoning(),
                request.conditions() == null ? List.of() : List.copyOf(request.conditions()),
                request.criteria() == null ? List.of() : List.copyOf(request.criteria())));
    }

    record ConsolidationBody(
            @NotBlank(message = "Summarise the advice") String summary) {}

    @PostMapping(path = "/{id}/consolidation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The case officer consolidates the advice given")
    CaseResponse consolidate(@PathVariable UUID id, @Valid @RequestBody ConsolidationBody request) {
        return response(cases.consolidateAdvice(Caller.current(), id, request.summary()));
    }

    record NoteBody(@NotBlank(message = "Write the note") String text) {}

    @PostMapping(path = "/{id}/notes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Add an internal note (regulator-only; advisers on cases that asked their team)")
    CaseResponse note(@PathVariable UUID id, @Valid @RequestBody NoteBody request) {
        return response(cases.addInternalNote(Caller.current(), id, request.text()));
    }

    record DecisionBody(
            @NotNull(message = "Choose APPROVED or REFUSED") Outcome outcome,

            @NotBlank(message = "Give the reasons for the decision")
            String reasons,

            List<RefusalCriterion> criteria,
            List<String> conditions) {}

    @PostMapping(path = "/{id}/decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The case officer decides (a refusal cites criteria; an approval may carry conditions); a"
                    + " final approval issues the licence, one that needs countersigning waits for a senior officer")
    CaseResponse decide(@PathVariable UUID id, @Valid @RequestBody DecisionBody request) {
        return response(cases.decide(
                Caller.current(),
                id,
                request.outcome(),
                request.reasons(),
                request.criteria() == null ? List.of() : List.copyOf(request.criteria()),
                request.conditions() == null ? List.of() : List.copyOf(request.conditions())));
    }

    /** A senior officer's verdict on the proposed decision. */
    enum Verdict {
        COUNTERSIGN,
        SEND_BACK
    }

    record CountersignatureBody(
            @NotNull(message = "Choose COUNTERSIGN or SEND_BACK")
            Verdict verdict,

            @NotBlank(message = "Give the reasons") String reasons) {}

    @PostMapping(path = "/{id}/countersignature", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A senior officer countersigns the proposed decision or sends it back (four eyes: the officer"
                    + " who decided is refused with 403)")
    CaseResponse countersign(@PathVariable UUID id, @Valid @RequestBody CountersignatureBody request) {
        Caller caller = Caller.current();
        return response(
                request.verdict() == Verdict.COUNTERSIGN
                        ? cases.countersign(caller, id, request.reasons())
                        : cases.refuseCountersignature(caller, id, request.reasons()));
    }

    record AppealOfficerBody(
            @NotNull(message = "Choose the appeal officer") UUID officer) {}

    @PostMapping(path = "/{id}/appeal-officer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A senior officer assigns the appeal to an officer who neither made nor countersigned the"
                    + " refusal (eligibleAppealOfficers in the case lists them)")
    CaseResponse assignAppealOfficer(@PathVariable UUID id, @Valid @RequestBody AppealOfficerBody request) {
        return response(cases.assignAppealOfficer(Caller.current(), id, request.officer()));
    }

    record AppealDecisionBody(
            @NotNull(message = "Choose APPROVED (allow) or REFUSED (dismiss)")
            Outcome outcome,

            @NotBlank(message = "Give the reasons for the appeal decision")
            String reasons) {}

    @PostMapping(path = "/{id}/appeal-decision", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The appeal officer allows (APPROVED: the licence issues) or dismisses (REFUSED) the appeal")
    CaseResponse decideAppeal(@PathVariable UUID id, @Valid @RequestBody AppealDecisionBody request) {
        return response(cases.decideAppeal(Caller.current(), id, request.outcome(), request.reasons()));
    }

    record LicenceActionBody(
            @NotBlank(message = "Give the reason") String reason) {}

    @PostMapping(path = "/{id}/licence/suspension", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Suspend the case's licence, giving the reason (the holder is told why)")
    CaseResponse suspend(@PathVariable UUID id, @Valid @RequestBody LicenceActionBody request) {
        Caller caller = Caller.current();
        licences.suspend(caller, licenceOf(caller, id), request.reason());
        return response(cases.authorityCase(caller, id));
    }

    @PostMapping(path = "/{id}/licence/reinstatement", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reinstate the case's suspended licence, giving the reason")
    CaseResponse reinstate(@PathVariable UUID id, @Valid @RequestBody LicenceActionBody request) {
        Caller caller = Caller.current();
        licences.reinstate(caller, licenceOf(caller, id), request.reason());
        return response(cases.authorityCase(caller, id));
    }

    @PostMapping(path = "/{id}/licence/revocation", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Revoke the case's licence, giving the reason")
    CaseResponse revoke(@PathVariable UUID id, @Valid @RequestBody LicenceActionBody request) {
        Caller caller = Caller.current();
        licences.revoke(caller, licenceOf(caller, id), request.reason());
        return response(cases.authorityCase(caller, id));
    }

    /** The case's licence, once the caller may read the case (else 404 or 403 as for the case). */
    private UUID licenceOf(Caller caller, UUID caseId) {
        Cases.authority(caller); // 403 before the licence is looked up for anyone but case staff
        return licenceStore
                .forCase(caseId, null)
                .map(LicenceStore.Summary::id)
                .orElseThrow(() -> new NotFoundException("Licence of case", caseId));
    }

    // ---- the answer --------------------------------------------------------------------------------------------

    /** A rule's contribution to the assessment, with the regulation rule IDs the rule implements. */
    record Contribution(String ruleId, String explanation, double weight, boolean internal, List<String> citations) {}

    /** The automated assessment at submission. */
    record Assessment(
            String route,
            int score,
            List<String> routeBasis,
            String rulebookVersion,
            List<String> unverifiedCitations,
            List<String> classifications) {}

    /** An officer who may take the appeal. */
    record Officer(UUID id, String name) {}

    /**
     * The case for the authority. Fields are added over time (additive); a client ignores what it does not know.
     * {@code partyFindings} are the assessment's contributions about the parties (screening matches, red flags);
     * {@code partyMatches} each party's matched list entries (list, entry, score, list version, explanation).
     */
    record CaseResponse(
            UUID id,
            String reference,
            UUID organisationId,
            String organisation,
            org.pallas.licensing.LicenceType type,
            CaseStatus status,
            Instant statusSince,
            AssessmentRoute route,
            String caseOfficerId,
            String caseOfficer,
            int currentVersion,
            org.pallas.licensing.ApplicationDetails details,
            Integer declaredRiskTier,
            String declaredEndUseCategory,
            Assessment assessment,
            List<Contribution> contributions,
            List<Contribution> partyFindings,
            List<org.pallas.server.licensing.cases.PartyMatch> partyMatches,
            List<String> suggestedConditions,
            Set<AdviserTeam> requiredAdvice,
            Set<AdviserTeam> outstandingAdvice,
            List<org.pallas.licensing.Advice> advice,
            org.pallas.licensing.ConsolidatedAdvice consolidatedAdvice,
            List<org.pallas.licensing.InformationRequest> informationRequests,
            org.pallas.licensing.Decision proposedDecision,
            List<org.pallas.licensing.Countersignature> countersignatures,
            org.pallas.licensing.Decision decision,
            org.pallas.licensing.Appeal appeal,
            List<Officer> eligibleAppealOfficers,
            List<org.pallas.licensing.InternalNote> internalNotes,
            ServiceLevel serviceLevel,
            LicenceStore.Summary licence) {}

    /** The service-level clock (UK-PERF-T1): working days used, target, paused working days and hours. */
    record ServiceLevel(
            boolean started,
            int workingDaysUsed,
            int targetWorkingDays,
            int workingDaysRemaining,
            int pausedWorkingDays,
            long pausedHours,
            boolean paused,
            boolean stopped,
            boolean overdue) {}

    private CaseResponse response(AuthorityCase shown) {
        Case c = shown.c();
        UUID id = UUID.fromString(c.caseId());
        Map<String, String> names = casework.staffNames();
        var summary = shown.assessment();
        Map<String, List<String>> cited =
                summary == null ? Map.of() : assessments.citations(rulebookVersion(summary.rulebookVersion()));
        List<Contribution> contributions = c.routing().stream()
                .flatMap(r -> r.contributions().stream())
                .map(k -> new Contribution(
                        k.ruleId(),
                        k.explanation(),
                        k.weight(),
                        k.internal(),
                        cited.getOrDefault(k.ruleId(), List.of())))
                .toList();
        var sla = shown.serviceLevel();
        return new CaseResponse(
                id,
                shown.loaded().reference(),
                shown.loaded().organisationId(),
                casework.organisationName(shown.loaded().organisationId()),
                c.application().type(),
                c.status(),
                c.statusSince(),
                c.routing().map(r -> r.route()).orElse(null),
                c.caseOfficerId().orElse(null),
                c.caseOfficerId().map(o -> names.getOrDefault(o, null)).orElse(null),
                c.application().versions().size(),
                c.application().details(),
                shown.loaded().declarations().riskTier(),
                shown.loaded().declarations().endUseCategory(),
                summary == null
                        ? null
                        : new Assessment(
                                summary.route(),
                                summary.score(),
                                summary.routeBasis(),
                                summary.rulebookVersion(),
                                summary.unverified(),
                                summary.classifications()),
                contributions,
                contributions.stream().filter(Contribution::internal).toList(),
                shown.partyMatches(),
                c.routing().map(r -> r.suggestedConditions()).orElse(List.of()),
                c.routing().map(r -> r.requiredAdvice()).orElse(Set.of()),
                c.outstandingAdvice(),
                c.advice(),
                c.consolidatedAdvice().orElse(null),
                c.informationRequests(),
                c.proposedDecision().orElse(null),
                c.countersignatures(),
                c.decision().orElse(null),
                c.appeal().orElse(null),
                c.status() == CaseStatus.UNDER_APPEAL
                        ? cases.eligibleAppealOfficers(c).stream()
                                .map(o -> new Officer(o.id(), o.name()))
                                .toList()
                        : List.of(),
                c.internalNotes(),
                sla == null
                        ? null
                        : new ServiceLevel(
                                sla.submitted(),
                                sla.workingDaysUsed(),
                                sla.targetWorkingDays(),
                                sla.workingDaysRemaining(),
                                sla.pausedWorkingDays(),
                                sla.pausedHours(),
                                sla.paused(),
                                sla.stopped(),
                                sla.overdue()),
                licenceStore.forCase(id, null).orElse(null));
    }

    /** "rulebook 2026.1 0123456789ab" names version 2026.1. */
    private static String rulebookVersion(String reference) {
        String[] parts = reference == null ? new String[0] : reference.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }
}
