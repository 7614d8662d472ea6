package org.pallas.licensing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.pallas.policy.AdviserTeam;

/**
 * A licensing case: the application's journey from draft to decision and appeal. Every state-changing method takes
 * the acting user, authorises them, checks the state against {@link CaseStatus}'s transition table and the route's
 * required steps, and returns the {@link CaseEvent} it appended to {@link #history()}. The state-changing methods
 * are package-private: outside this package a case changes only through {@link CaseCommand#applyTo}, so what is
 * stored (the command) and what is applied are one and the same.
 *
 * <p>Regulator-only parts (advice, internal notes, internal risk contributions) live here; exporters see a case only
 * through {@link ExporterCaseView}.
 */
public final class Case {

    /** LITE's appeal deadline: 28 days after a refusal (peers.md §1, Appeals). */
    public static final Duration APPEAL_WINDOW = Duration.ofDays(28);

    private static final Set<CaseStatus> AMENDABLE = EnumSet.of(
            CaseStatus.SUBMITTED, CaseStatus.INITIAL_CHECKS, CaseStatus.UNDER_REVIEW, CaseStatus.INFORMATION_REQUESTED);
    private static final Set<CaseStatus> INFORMATION_REQUESTABLE =
            EnumSet.of(CaseStatus.INITIAL_CHECKS, CaseStatus.UNDER_REVIEW, CaseStatus.ADVICE_CONSOLIDATION);

    private final String caseId;
    private final Application application;
    private final ApplicationRules rules;
    private final Clock clock;
    private final List<CaseEvent> history = new ArrayList<>();

    private CaseStatus status = CaseStatus.DRAFT;
    private Instant statusSince;
    private Routing routing;
    private String caseOfficerId;
    private final Set<AdviserTeam> adviceRequested = EnumSet.noneOf(AdviserTeam.class);
    private final List<Advice> advice = new ArrayList<>();
    private ConsolidatedAdvice consolidatedAdvice;
    private Decision proposedDecision;
    private final List<Countersignature> countersignatures = new ArrayList<>();
    private Decision decision;
    private String countersignedBy;
    private final List<InformationRequest> informationRequests = new ArrayList<>();
    private CaseStatus resumeTo;
    private Appeal appeal;
    private final List<InternalNote> notes = new ArrayList<>();

    private Case(String caseId, Application application, ApplicationRules rules, Clock clock) {
        this.caseId = caseId;
        this.application = application;
        this.rules = rules;
        this.clock = clock;
        this.statusSince = clock.instant();
    }

    /** An exporter starts a draft application; the case exists from the first save. */
    public static Case draft(
            String caseId,
            Actor exporter,
            LicenceType type,
            ApplicationDetails details,
            ApplicationRules rules,
            Clock clock) {
        exporter.require("start an application", ActorRole.EXPORTER);
        Objects.requireNonNull(type, "licence type");
        Case c = new Case(
                Objects.requireNonNull(caseId, "caseId"),
                new Application(caseId, exporter.organisationId(), type, details),
                rules,
                clock);
        c.record(exporter, "draft started", CaseStatus.DRAFT, CaseEvent.DraftSaved::new);
        return c;
    }

    // ---- exporter journey -------------------------------------------------------------------------------------

    CaseEvent.DraftSaved saveDraft(Actor actor, ApplicationDetails details) {
        actor.requireExporterOf(application.organisationId(), "save the draft");
        requireStatus("save the draft", CaseStatus.DRAFT);
        application.saveDraft(details);
        return record(actor, "draft saved", CaseStatus.DRAFT, CaseEvent.DraftSaved::new);
    }

    /** Field-level problems with what the exporter has entered so far. */
    public List<FieldError> validate() {
        return rules.validate(application.type(), application.details());
    }

    CaseEvent.ApplicationSubmitted submit(Actor actor) {
        actor.requireExporterOf(application.organisationId(), "submit the application");
        requireStatus("submit", CaseStatus.DRAFT);
        ApplicationVersion v = application.submit(rules, actor.id(), clock.instant());
        return record(
                actor,
                "submitted",
                CaseStatus.SUBMITTED,
                ch -> new CaseEvent.ApplicationSubmitted(
                        ch, application.type(), v.number(), v.details().destinations()));
    }

    /**
     * An amendment before the decision: a new immutable version, the old ones kept. Advice given on an older version
     * no longer counts, so required teams must advise again.
     */
    CaseEvent.ApplicationAmended amend(Actor actor, ApplicationDetails details, String reason) {
        actor.requireExporterOf(application.organisationId(), "amend the application");
        if (!AMENDABLE.contains(status)) {
            throw new IllegalTransitionException(
                    "case " + caseId + " is " + status + "; an application can be amended only" + " while " + AMENDABLE
                            + " (ask the case officer for an information request)");
        }
        requireReason(reason, "an amendment");
        ApplicationVersion v = application.amend(rules, details, actor.id(), clock.instant(), reason);
        consolidatedAdvice = null;
        return record(
                actor,
                reason,
                status,
                ch -> new CaseEvent.ApplicationAmended(
                        ch, v.number(), v.details().destinations()));
    }

    CaseEvent.InformationProvided provideInformation(Actor actor, String answer) {
        actor.requireExporterOf(application.organisationId(), "answer an information request");
        requireStatus("answer an information request", CaseStatus.INFORMATION_REQUESTED);
        requireReason(answer, "an answer");
        int last = informationRequests.size() - 1;
        InformationRequest answered = informationRequests.get(last).answer(answer, clock.instant());
        informationRequests.set(last, answered);
        CaseStatus back = resumeTo;
        resumeTo = null;
        return record(
                actor, "information provided", back, ch -> new CaseEvent.InformationProvided(ch, answered.number()));
    }

    CaseEvent.CaseWithdrawn withdraw(Actor actor, String reason) {
        actor.requireExporterOf(application.organisationId(), "withdraw the application");
        if (!status.isOpen()) {
            throw new IllegalTransitionException(
                    "case " + caseId + " is " + status + " and can no longer be withdrawn");
        }
        requireReason(reason, "a withdrawal");
        return record(actor, reason, CaseStatus.WITHDRAWN, CaseEvent.CaseWithdrawn::new);
    }

    /** Appeal against a refusal within {@link #APPEAL_WINDOW} of the decision. */
    CaseEvent.AppealLodged appeal(Actor actor, String grounds) {
        actor.requireExporterOf(application.organisationId(), "appeal the decision");
        requireStatus("appeal", CaseStatus.FINALISED);
        if (decision.outcome() != Outcome.REFUSED) {
            throw new IllegalTransitionException(
                    "case " + caseId + " was " + decision.outcome() + "; only a refusal can be appealed");
        }
        Instant deadline = appealDeadline().orElseThrow();
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
            throw new RuleViolationException("the 28-day appeal window for case " + caseId + " closed at " + deadline);
        }
        requireReason(grounds, "an appeal");
        appeal = new Appeal(grounds, actor.id(), now, null, null, null, null);
        return record(actor, grounds, CaseStatus.UNDER_APPEAL, ch -> new CaseEvent.AppealLodged(ch, deadline));
    }

    // ---- authority journey ------------------------------------------------------------------------------------

    /** The policy engine's route places the submitted case (SYSTEM only). */
    CaseEvent.CaseRouted route(Actor actor, Routing verdict) {
        actor.require("route a case", ActorRole.SYSTEM);
        requireStatus("route", CaseStatus.SUBMITTED);
        routing = Objects.requireNonNull(verdict, "routing");
        return record(
                actor,
                "routed by assessment " + verdict.assessmentReference(),
                CaseStatus.INITIAL_CHECKS,
                ch -> new CaseEvent.CaseRouted(
                        ch, verdict.route(), verdict.requiredAdvice(), verdict.assessmentReference()));
    }

    /**
     * A caseworker moves the case to a stricter route (e.g. fast track to enhanced review); only a new assessment
     * (SYSTEM) may make it less strict, so a hard stop cannot be talked down at the desk.
     */
    CaseEvent.CaseRouted reroute(Actor actor, Routing verdict, String reason) {
        actor.require("re-route a case", ActorRole.CASEWORKER, ActorRole.SYSTEM);
        requireStatus("re-route", CaseStatus.INITIAL_CHECKS, CaseStatus.UNDER_REVIEW);
        requireReason(reason, "a re-routing");
        if (!actor.has(ActorRole.SYSTEM) && !verdict.route().isStricterThan(routing.route())) {
            throw new RuleViolationException("a caseworker may only move case " + caseId + " to a stricter route than "
                    + routing.route() + ", not to " + verdict.route());
        }
        routing = verdict;
        return record(
                actor,
                reason,
                status,
                ch -> new CaseEvent.CaseRouted(
                        ch, verdict.route(), verdict.requiredAdvice(), verdict.assessmentReference()));
    }

    CaseEvent.CaseOfficerAssigned assignCaseOfficer(Actor actor, String officerId) {
        actor.require("assign a case officer", ActorRole.CASEWORKER, ActorRole.SENIOR_OFFICER);
        if (!status.isOpen()) {
            throw new IllegalTransitionException(
                    "case " + caseId + " is " + status + "; officers are assigned to open cases only");
        }
        caseOfficerId = Objects.requireNonNull(officerId, "officerId");
        return record(
                actor, "case officer " + officerId, status, ch -> new CaseEvent.CaseOfficerAssigned(ch, officerId));
    }

    CaseEvent.InitialChecksCompleted completeInitialChecks(Actor actor) {
        actor.require("complete initial checks", ActorRole.CASEWORKER);
        requireStatus("complete initial checks", CaseStatus.INITIAL_CHECKS);
        return record(
                actor, "initial checks completed", CaseStatus.UNDER_REVIEW, CaseEvent.InitialChecksCompleted::new);
    }

    /** Asks the teams for advice; the route's required teams are always included. */
    CaseEvent.AdviceRequested requestAdvice(Actor actor, Set<AdviserTeam> teams, String reason) {
        requireCaseOfficer(actor, "request advice");
        requireStatus("request advice", CaseStatus.UNDER_REVIEW);
        requireReason(reason, "an advice request");
        if (!routing.route().adviceAllowed()) {
            throw new RuleViolationException("route " + routing.route() + " is a refusal path; no advice is sought");
        }
        Set<AdviserTeam> asked = EnumSet.noneOf(AdviserTeam.class);
        asked.addAll(teams);
        asked.addAll(routing.requiredAdvice());
        // A team advises once per version; asking again would leave the case waiting for advice that cannot come.
        currentAdvice().forEach(a -> asked.remove(a.team()));
        if (asked.isEmpty()) {
            throw new RuleViolationException(
                    teams.isEmpty() && routing.requiredAdvice().isEmpty()
                            ? "name at least one adviser team"
                            : "every team asked has already advised on version "
                                    + application.current().number());
        }
        adviceRequested.clear();
        adviceRequested.addAll(asked);
        consolidatedAdvice = null;
        Set<AdviserTeam> snapshot = Set.copyOf(asked);
        return record(actor, reason, CaseStatus.AWAITING_ADVICE, ch -> new CaseEvent.AdviceRequested(ch, snapshot));
    }

    /** One team's advice; the last outstanding team's advice moves the case to consolidation. */
    CaseEvent.AdviceGiven giveAdvice(
            Actor actor,
            AdviserTeam team,
            AdviceType type,
            String reasoning,
            List<String> conditions,
            List<RefusalCriterion> criteria) {
        actor.require("give advice", ActorRole.ADVISER);
        if (!actor.teams().contains(team)) {
            throw new NotAuthorisedException(
                    actor.id() + " may not give advice for " + team + ": member of " + actor.teams());
        }
        requireStatus("give advice", CaseStatus.AWAITING_ADVICE);
        if (!outstandingAdvice().contains(team)) {
            throw new RuleViolationException(
                    team + " advice on case " + caseId + " was not requested or is already given");
        }
        int version = application.current().number();
        advice.add(new Advice(team, actor.id(), type, reasoning, conditions, criteria, version, clock.instant()));
        CaseStatus next = outstandingAdvice().isEmpty() ? CaseStatus.ADVICE_CONSOLIDATION : CaseStatus.AWAITING_ADVICE;
        return record(actor, team + " advised " + type, next, ch -> new CaseEvent.AdviceGiven(ch, team, type));
    }

    CaseEvent.AdviceConsolidated consolidateAdvice(Actor actor, String summary) {
        requireCaseOfficer(actor, "consolidate advice");
        requireStatus("consolidate advice", CaseStatus.ADVICE_CONSOLIDATION);
        requireReason(summary, "a consolidation");
        int version = application.current().number();
        consolidatedAdvice = ConsolidatedAdvice.of(currentAdvice(), summary, actor.id(), version, clock.instant());
        ConsolidatedAdvice.Type type = consolidatedAdvice.type();
        return record(actor, summary, CaseStatus.UNDER_REVIEW, ch -> new CaseEvent.AdviceConsolidated(ch, type));
    }

    /** Asks the applicant a question; the case waits in applicant editing and its SLA clock stops. */
    CaseEvent.InformationRequested requestInformation(Actor actor, String question) {
        actor.require("request information", ActorRole.CASEWORKER);
        if (!INFORMATION_REQUESTABLE.contains(status)) {
            throw new IllegalTransitionException("case " + caseId + " is " + status
                    + "; information can be requested only while " + INFORMATION_REQUESTABLE);
        }
        requireReason(question, "an information request");
        int number = informationRequests.size() + 1;
        informationRequests.add(new InformationRequest(number, question, actor.id(), clock.instant(), null, null));
        resumeTo = status;
        return record(
                actor,
                question,
                CaseStatus.INFORMATION_REQUESTED,
                ch -> new CaseEvent.InformationRequested(ch, number));
    }

    /**
     * The case officer's decision. On routes that need a countersignature it waits for a senior officer; otherwise it
     * is final. Required advice on the current version must be in and consolidated; a hard stop can only be refused;
     * a fast-track approval carries the assessment's suggested conditions.
     */
    CaseEvent decide(
            Actor actor, Outcome outcome, String reasons, List<RefusalCriterion> criteria, List<String> conditions) {
        requireCaseOfficer(actor, "decide");
        requireStatus("decide", CaseStatus.UNDER_REVIEW);
        AssessmentRoute route = routing.route();
        Set<AdviserTeam> missing = EnumSet.noneOf(AdviserTeam.class);
        missing.addAll(routing.requiredAdvice());
        currentAdvice().forEach(a -> missing.remove(a.team()));
        if (!missing.isEmpty()) {
            throw new RuleViolationException("route " + route + " requires advice from " + missing + " on version "
                    + application.current().number() + " before a decision");
        }
        if (!currentAdvice().isEmpty() && consolidatedAdvice == null) {
            throw new RuleViolationException("advice on case " + caseId + " must be consolidated before a decision");
        }
        if (route.onlyRefusal() && outcome != Outcome.REFUSED) {
            throw new RuleViolationException("route HARD_STOP is a refusal path; the decision can only be REFUSED");
        }
        if (route == AssessmentRoute.FAST_TRACK
                && outcome == Outcome.APPROVED
                && !conditions.containsAll(routing.suggestedConditions())) {
            throw new RuleViolationException("a fast-track approval carries the assessment's suggested conditions "
                    + routing.suggestedConditions() + "; re-route the case to drop any");
        }
        Decision d = new Decision(outcome, reasons, criteria, conditions, actor.id(), clock.instant());
        if (route.countersignatureRequired()) {
            proposedDecision = d;
            return record(
                    actor,
                    reasons,
                    CaseStatus.AWAITING_COUNTERSIGNATURE,
                    ch -> new CaseEvent.DecisionProposed(ch, outcome));
        }
        return finalise(actor, d, null);
    }

    /** Four eyes: a senior officer other than the decision-maker accepts the proposed decision. */
    CaseEvent.CaseFinalised countersign(Actor actor, String reasons) {
        Decision d = takeProposedDecision(actor, "countersign", true, reasons);
        return finalise(actor, d, actor.id());
    }

    /** The senior officer sends the decision back to the case officer; it is kept for audit. */
    CaseEvent.CountersignatureRefused refuseCountersignature(Actor actor, String reasons) {
        Decision d = takeProposedDecision(actor, "refuse a countersignature", false, reasons);
        return record(
                actor,
                reasons,
                CaseStatus.UNDER_REVIEW,
                ch -> new CaseEvent.CountersignatureRefused(ch, d.decidedBy()));
    }

    /** A senior officer assigns the appeal to an officer who took no part in the refusal. */
    CaseEvent.AppealOfficerAssigned assignAppealOfficer(Actor actor, String officerId) {
        actor.require("assign an appeal officer", ActorRole.SENIOR_OFFICER);
        requireStatus("assign an appeal officer", CaseStatus.UNDER_APPEAL);
        requireIndependentOfRefusal(officerId);
        appeal = appeal.assign(officerId);
        return record(
                actor, "appeal officer " + officerId, status, ch -> new CaseEvent.AppealOfficerAssigned(ch, officerId));
    }

    /** The assigned appeal officer allows the appeal (APPROVED) or dismisses it (REFUSED). */
    CaseEvent.AppealDecided decideAppeal(Actor actor, Outcome outcome, String reasons) {
        actor.require("decide an appeal", ActorRole.CASEWORKER, ActorRole.SENIOR_OFFICER);
        requireStatus("decide an appeal", CaseStatus.UNDER_APPEAL);
        requireIndependentOfRefusal(actor.id());
        if (appeal.officerId() == null) {
            throw new RuleViolationException(
                    "the appeal on case " + caseId + " has no officer yet; a senior officer assigns one");
        }
        if (!actor.id().equals(appeal.officerId())) {
            throw new NotAuthorisedException(actor.id() + " may not decide the appeal on case " + caseId
                    + ": it is assigned to " + appeal.officerId());
        }
        if (outcome == Outcome.NO_LICENCE_REQUIRED) {
            throw new IllegalArgumentException("an appeal is allowed (APPROVED) or dismissed (REFUSED)");
        }
        requireReason(reasons, "an appeal decision");
        appeal = appeal.decide(outcome, reasons, clock.instant());
        return record(actor, reasons, CaseStatus.APPEAL_DECIDED, ch -> new CaseEvent.AppealDecided(ch, outcome));
    }

    /**
     * A regulator-only note. The system writes one when re-screening newly matches a party of the open case, for the
     * case officer to weigh before deciding.
     */
    CaseEvent.InternalNoteAdded addInternalNote(Actor actor, String text) {
        actor.require(
                "add an internal note",
                ActorRole.CASEWORKER,
                ActorRole.ADVISER,
                ActorRole.SENIOR_OFFICER,
                ActorRole.SYSTEM);
        if (status == CaseStatus.DRAFT) {
            throw new IllegalTransitionException("case " + caseId + " is a draft; the authority cannot see it yet");
        }
        requireReason(text, "a note");
        notes.add(new InternalNote(actor.id(), text, clock.instant()));
        return record(actor, "internal note", status, CaseEvent.InternalNoteAdded::new);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public String caseId() {
        return caseId;
    }

    public Application application() {
        return application;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant statusSince() {
        return statusSince;
    }

    /** How long the case has sat in its current queue(s), by the injected clock. */
    public Duration timeInQueue() {
        return Duration.between(statusSince, clock.instant());
    }

    public Optional<Routing> routing() {
        return Optional.ofNullable(routing);
    }

    public Optional<String> caseOfficerId() {
        return Optional.ofNullable(caseOfficerId);
    }

    /** All advice ever given, including advice on superseded versions. */
    public List<Advice> advice() {
        return List.copyOf(advice);
    }

    public Optional<ConsolidatedAdvice> consolidatedAdvice() {
        return Optional.ofNullable(consolidatedAdvice);
    }

    public Set<AdviserTeam> outstandingAdvice() {
        if (status != CaseStatus.AWAITING_ADVICE) {
            return Set.of();
        }
        Set<AdviserTeam> open = EnumSet.noneOf(AdviserTeam.class);
        open.addAll(adviceRequested);
        currentAdvice().forEach(a -> open.remove(a.team()));
        return Set.copyOf(open);
    }

    public Optional<Decision> proposedDecision() {
        return Optional.ofNullable(proposedDecision);
    }

    public List<Countersignature> countersignatures() {
        return List.copyOf(countersignatures);
    }

    /** The final decision once the case is finalised. */
    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    public Optional<String> countersignedBy() {
        return Optional.ofNullable(countersignedBy);
    }

    public List<InformationRequest> informationRequests() {
        return List.copyOf(informationRequests);
    }

    public Optional<Appeal> appeal() {
        return Optional.ofNullable(appeal);
    }

    public List<InternalNote> internalNotes() {
        return List.copyOf(notes);
    }

    public List<CaseEvent> history() {
        return List.copyOf(history);
    }

    /** When the refusal can no longer be appealed; empty unless the case was refused. */
    public Optional<Instant> appealDeadline() {
        if (decision == null || decision.outcome() != Outcome.REFUSED) {
            return Optional.empty();
        }
        return Optional.of(decision.decidedAt().plus(APPEAL_WINDOW));
    }

    /**
     * Whether a licence may be issued: approved at first instance, or on appeal. The outcome that stands is the
     * appeal's when there was one.
     */
    public Optional<Outcome> standingOutcome() {
        if (appeal != null && appeal.outcome() != null) {
            return Optional.of(appeal.outcome());
        }
        return status == CaseStatus.FINALISED || status == CaseStatus.UNDER_APPEAL
                ? Optional.of(decision.outcome())
                : Optional.empty();
    }

    /** The queues the case sits in now. */
    public Set<Queue> queues() {
        return Queues.of(status, routing == null ? null : routing.route(), outstandingAdvice());
    }

    // ---- internals --------------------------------------------------------------------------------------------

    private CaseEvent.CaseFinalised finalise(Actor actor, Decision d, String countersigner) {
        decision = d;
        countersignedBy = countersigner;
        List<String> criteriaIds =
                d.criteria().stream().map(RefusalCriterion::id).toList();
        return record(
                actor,
                d.reasons(),
                CaseStatus.FINALISED,
                ch -> new CaseEvent.CaseFinalised(ch, d.outcome(), criteriaIds, d.decidedBy(), countersigner));
    }

    private List<Advice> currentAdvice() {
        int version =
                application.versions().isEmpty() ? 0 : application.current().number();
        return advice.stream().filter(a -> a.applicationVersion() == version).toList();
    }

    /** Checks four eyes, records the countersignature (accepted or not) and clears the proposal. */
    private Decision takeProposedDecision(Actor actor, String action, boolean accepted, String reasons) {
        actor.require(action, ActorRole.SENIOR_OFFICER);
        requireStatus(action, CaseStatus.AWAITING_COUNTERSIGNATURE);
        Decision d = proposedDecision;
        if (actor.id().equals(d.decidedBy())) {
            throw new RuleViolationException("four eyes: " + actor.id() + " made the decision on case " + caseId
                    + " and may not countersign it");
        }
        requireReason(reasons, "a countersignature");
        countersignatures.add(new Countersignature(actor.id(), accepted, reasons, d, clock.instant()));
        proposedDecision = null;
        return d;
    }

    private void requireIndependentOfRefusal(String officerId) {
        if (officerId.equals(decision.decidedBy()) || officerId.equals(countersignedBy)) {
            throw new RuleViolationException("the appeal on case " + caseId
                    + " must be handled by an officer other than "
                    + "those who refused it (" + decision.decidedBy()
                    + (countersignedBy == null ? "" : ", countersigned by " + countersignedBy) + "), not " + officerId);
        }
    }

    private void requireCaseOfficer(Actor actor, String action) {
        actor.require(action, ActorRole.CASEWORKER);
        if (caseOfficerId == null) {
            throw new RuleViolationException(
                    "case " + caseId + " has no case officer; assign one before they " + action);
        }
        if (!caseOfficerId.equals(actor.id())) {
            throw new NotAuthorisedException(actor.id() + " may not " + action + " on case " + caseId
                    + ": the case officer is " + caseOfficerId);
        }
    }

    private void requireStatus(String action, CaseStatus... allowed) {
        for (CaseStatus s : allowed) {
            if (status == s) {
                return;
            }
        }
        throw new IllegalTransitionException("cannot " + action + " case " + caseId + " in status " + status
                + (allowed.length == 1 ? "; only in " + allowed[0] : "; only in one of " + List.of(allowed)));
    }

    private static void requireReason(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " needs a stated reason or text");
        }
    }

    private <E extends CaseEvent> E record(
            Actor actor, String reason, CaseStatus next, Function<CaseEvent.Change, E> event) {
        if (next != status && !status.canMoveTo(next)) {
            // Unreachable through the public methods; guards the table against a future method that forgets a check.
            throw new IllegalTransitionException("case " + caseId + " cannot move from " + status + " to " + next);
        }
        Instant now = clock.instant();
        E e = event.apply(new CaseEvent.Change(caseId, actor, now, reason, status, next));
        if (next != status) {
            statusSince = now;
        }
        status = next;
        history.add(e);
        return e;
    }
}
