package org.pallas.server.licensing.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.Actor;
import org.pallas.licensing.ActorRole;
import org.pallas.licensing.AdviceType;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.ApplicationInvalidException;
import org.pallas.licensing.ApplicationVersion;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.ExporterCaseView;
import org.pallas.licensing.FieldError;
import org.pallas.licensing.IllegalTransitionException;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.NotAuthorisedException;
import org.pallas.licensing.Outcome;
import org.pallas.licensing.RefusalCriterion;
import org.pallas.licensing.ReplayClock;
import org.pallas.licensing.RuleViolationException;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.WorkingCalendar;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.licensing.LicensingChanged;
import org.pallas.server.licensing.RecordedLicensingEvents;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.platform.AfterCommitListener;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange.Facts;
import org.pallas.server.screening.ScreeningChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licensing domain service: every change to a case goes through here. It turns the signed-in {@link Caller} into
 * the domain's {@link Actor} (the domain authorises), applies the command to the case rebuilt from storage, stores the
 * command and its projections, and publishes one {@link LicensingChanged} per state change in the same transaction.
 */
@Service
public class Cases {

    private static final String SYSTEM_ID = "policy-engine";

    private final CaseStore store;
    private final LicenceStore licences;
    private final SubmissionAssessments assessments;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ReadLog readLog;
    private final ScreenedParties parties;
    private final WorkingCalendar calendar;
    private final CaseworkQueries casework;

    Cases(
            CaseStore store,
            LicenceStore licences,
            SubmissionAssessments assessments,
            ScreenedParties parties,
            ApplicationEventPublisher events,
            Clock clock,
            ReadLog readLog,
            WorkingCalendar calendar,
            CaseworkQueries casework) {
        this.readLog = readLog;
        this.calendar = calendar;
        this.casework = casework;
        this.parties = parties;
        this.store = store;
        this.licences = licences;
        this.assessments = assessments;
        this.events = events;
        this.clock = clock;
    }

    /** The same service acting on another clock: demo history and tests file cases at historic times. */
    Cases on(Clock other) {
        return new Cases(store, licences, assessments, parties, events, other, readLog, calendar, casework);
    }

    // ---- exporter ----------------------------------------------------------------------------------------------

    @Transactional
    public UUID startDraft(
            Caller caller, LicenceType type, ApplicationDetails details, CaseCommand.Declarations declared) {
        return startDraft(caller, UUID.randomUUID(), type, details, declared);
    }

    /** Starts a draft with a given id (demo data with stable addresses). */
    @Transactional
    public UUID startDraft(
            Caller caller, UUID id, LicenceType type, ApplicationDetails details, CaseCommand.Declarations declared) {
        Actor actor = exporter(caller);
        checkDeclarations(declared);
        Instant now = clock.instant();
        String reference = store.nextReference(now);
        store.insert(id, caller.organisationId(), reference, type, now);
        ReplayClock at = new ReplayClock(now);
        Case c = Case.draft(id.toString(), actor, type, details, store.rules(), at);
        CaseCommand.StartDraft command = new CaseCommand.StartDraft(type, details, declared);
        store.appendCommand(id, 0, command, actor, now);
        CaseStore.Loaded loaded = new CaseStore.Loaded(c, caller.organisationId(), reference, declared, at, 1);
        store.project(loaded, c.history().get(0), 0);
        publish(loaded, c.history().get(0), caller);
        return id;
    }

    @Transactional
    public ExporterCase saveDraft(
            Caller caller, UUID id, ApplicationDetails details, CaseCommand.Declarations declared) {
        checkDeclarations(declared);
        return exporterCase(apply(caller, id, new CaseCommand.SaveDraft(details, declared), exporter(caller)), caller);
    }

    /**
     * Submits the draft; the automated assessment runs at once and its route places the case. The case is replayed
     * once: its parties join the screening register and the answer is read from the case as it now stands.
     */
    @Transactional
    public ExporterCase submit(Caller caller, UUID id) {
        Actor actor = exporter(caller);
        CaseStore.Loaded loaded = loadForExporter(caller, id, true);
        List<FieldError> errors = new ArrayList<>();
        declarationProblems(loaded.declarations(), errors);
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        loaded = apply(loaded, new CaseCommand.Submit(), actor, caller);
        screenParties(loaded, caller);
        SubmissionAssessments.Result result = assessments.assess(
                caller,
                id,
                loaded.reference(),
                loaded.c().application().current().details(),
                loaded.declarations(),
                LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK));
        store.saveAssessment(id, result.summary());
        return exporterCase(
                apply(loaded, new CaseCommand.Route(result.routing()), Actor.system(SYSTEM_ID), caller), caller);
    }

    /**
     * Everything the exporter's pages and API show of one case, read from one replay; {@code questions} are the
     * mitigations the rulebook scores that a draft should answer (none once submitted).
     */
    public record ExporterCase(
            Draft draft,
            ExporterCaseView view,
            List<FieldError> problems,
            CaseServiceLevel serviceLevel,
            List<SubmissionAssessments.Question> questions) {}

    @Transactional(readOnly = true)
    public ExporterCase exporterCase(Caller caller, UUID id) {
        return exporterCase(loadForExporter(caller, id, false), caller);
    }

    private ExporterCase exporterCase(CaseStore.Loaded loaded, Caller caller) {
        Case c = loaded.c();
        List<FieldError> problems = new ArrayList<>();
        if (c.status() == CaseStatus.DRAFT) {
            problems.addAll(c.validate());
            declarationProblems(loaded.declarations(), problems);
        }
        Draft draft = draft(loaded);
        return new ExporterCase(
                draft,
                ExporterCaseView.of(c, exporter(caller)),
                List.copyOf(problems),
                serviceLevel(c),
                c.status() == CaseStatus.DRAFT ? questions(caller, draft) : List.of());
    }

    /**
     * The mitigations the rulebook scores that the draft's answers would change (oversight of a government end user,
     * the targeted scope), by the active rulebook: the form and the API ask only these.
     */
    public List<SubmissionAssessments.Question> questions(Caller caller, Draft draft) {
        return assessments.questions(
                caller,
                draft.details(),
                draft.declarations(),
                LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK));
    }

    /** The parties of the current version join the screening register (the exporter's organisation's). */
    private void screenParties(CaseStore.Loaded loaded, Caller caller) {
        parties.register(
                caller,
                UUID.fromString(loaded.c().caseId()),
                loaded.reference(),
                loaded.c().application().current().details().parties());
    }

    /** The draft or current details and declarations, for the exporter's form. */
    @Transactional(readOnly = true)
    public Draft draft(Caller caller, UUID id) {
        return draft(loadForExporter(caller, id, false));
    }

    private static Draft draft(CaseStore.Loaded loaded) {
        return new Draft(
                loaded.reference(),
                loaded.c().application().type(),
                loaded.c().status(),
                loaded.c().application().details(),
                loaded.declarations());
    }

    /** What the exporter's form edits. */
    public record Draft(
            String reference,
            LicenceType type,
            CaseStatus status,
            ApplicationDetails details,
            CaseCommand.Declarations declarations) {}

    // ---- authority ---------------------------------------------------------------------------------------------

    /**
     * The whole case with regulator-only parts. Caseworkers and senior officers act on it; oversight and auditors read
     * every case (oversight reads go to the {@link ReadLog}); an adviser reads only a case that asked their team for
     * advice (any other answers 404, as if it did not exist).
     */
    @Transactional
    public CaseStore.Loaded authorityView(Caller caller, UUID id) {
        requireCaseReader(caller);
        CaseStore.Loaded loaded = store.load(id, null, false).orElseThrow(() -> new NotFoundException("Case", id));
        if (!isCaseStaff(caller)
                && caller.hasRole(org.pallas.server.platform.Role.ADVISER)
                && !adviceAskedOf(loaded.c(), caller.team())) {
            throw new NotFoundException("Case", id);
        }
        readLog.record(caller, "case", id);
        return loaded;
    }

    /** The case as the authority's page and API show it (the same reader rules as {@link #authorityView}). */
    @Transactional
    public AuthorityCase authorityCase(Caller caller, UUID id) {
        return authorityCase(authorityView(caller, id));
    }

    private AuthorityCase authorityCase(CaseStore.Loaded loaded) {
        UUID id = UUID.fromString(loaded.c().caseId());
        return new AuthorityCase(
                loaded,
                store.assessment(id).orElse(null),
                serviceLevel(loaded.c()),
                parties.matches(id, loaded.c().application().details().parties()));
    }

    /** The case's service-level clock as of now (null when the holiday calendar does not cover its dates). */
    private CaseServiceLevel serviceLevel(Case c) {
        return CaseServiceLevel.of(c.history(), clock.instant(), calendar);
    }

    @Transactional
    public AuthorityCase assignToSelf(Caller caller, UUID id) {
        return authorityCase(apply(
                caller, id, new CaseCommand.AssignCaseOfficer(caller.userId().toString()), authority(caller)));
    }

    /** A senior officer assigns the case to an officer of the authority (a caseworker or senior officer). */
    @Transactional
    public AuthorityCase assignTo(Caller caller, UUID id, UUID officerId) {
        if (!caller.hasRole(org.pallas.server.platform.Role.SENIOR_OFFICER)) {
            throw new AccessDeniedException("Only a senior officer assigns cases to other officers.");
        }
        requireOfficer(officerId, Set.of(), "officer");
        return authorityCase(
                apply(caller, id, new CaseCommand.AssignCaseOfficer(officerId.toString()), authority(caller)));
    }

    @Transactional
    public AuthorityCase completeInitialChecks(Caller caller, UUID id) {
        return authorityCase(apply(caller, id, new CaseCommand.CompleteInitialChecks(), authority(caller)));
    }

    /** The case officer decides; an approval that is final issues the licence in the same transaction. */
    @Transactional
    public AuthorityCase decide(
            Caller caller,
            UUID id,
            Outcome outcome,
            String reasons,
            List<RefusalCriterion> criteria,
            List<String> conditions) {
        Actor actor = authority(caller);
        CaseStore.Loaded loaded =
                apply(caller, id, new CaseCommand.Decide(outcome, reasons, criteria, conditions), actor);
        issueIfApproved(loaded, caller);
        return authorityCase(loaded);
    }

    // ---- casework: information requests, amendments, withdrawal, advice, countersignature, appeals, notes ----

    /** The case officer (any caseworker, in the domain) asks the applicant a question; the SLA clock pauses. */
    @Transactional
    public AuthorityCase requestInformation(Caller caller, UUID id, String question) {
        return authorityCase(apply(caller, id, new CaseCommand.RequestInformation(question), authority(caller)));
    }

    /** The exporter answers the open question; the case returns to where it was. */
    @Transactional
    public ExporterCase answerInformationRequest(Caller caller, UUID id, String answer) {
        return exporterCase(apply(caller, id, new CaseCommand.ProvideInformation(answer), exporter(caller)), caller);
    }

    /** An amendment before the decision: a new version, the old ones kept (declarations stay as declared). */
    @Transactional
    public ExporterCase amend(Caller caller, UUID id, ApplicationDetails details, String reason) {
        Actor actor = exporter(caller);
        CaseStore.Loaded loaded = loadForExporter(caller, id, true);
        // The undertaking is uploaded once; an amendment that does not send one keeps the one on file.
        ApplicationDetails kept = details.undertaking() == null
                ? details.withUndertaking(loaded.c().application().details().undertaking())
                : details;
        loaded = apply(loaded, new CaseCommand.Amend(kept, reason), actor, caller);
        screenParties(loaded, caller);
        return exporterCase(loaded, caller);
    }

    @Transactional
    public ExporterCase withdraw(Caller caller, UUID id, String reason) {
        return exporterCase(apply(caller, id, new CaseCommand.Withdraw(reason), exporter(caller)), caller);
    }

    /** The exporter appeals a refusal within 28 days (the domain checks the window by the injected clock). */
    @Transactional
    public ExporterCase appeal(Caller caller, UUID id, String grounds) {
        return exporterCase(apply(caller, id, new CaseCommand.LodgeAppeal(grounds), exporter(caller)), caller);
    }

    /** Every submitted version of the exporter's application, oldest first. */
    @Transactional(readOnly = true)
    public List<ApplicationVersion> versions(Caller caller, UUID id) {
        return loadForExporter(caller, id, false).c().application().versions();
    }

    /** The case officer asks adviser teams; the route's required teams are always added by the domain. */
    @Transactional
    public AuthorityCase requestAdvice(Caller caller, UUID id, Set<AdviserTeam> teams, String reason) {
        return authorityCase(apply(caller, id, new CaseCommand.RequestAdvice(teams, reason), authority(caller)));
    }

    /** An adviser gives their team's advice. */
    @Transactional
    public AuthorityCase giveAdvice(
            Caller caller,
            UUID id,
            AdviceType type,
            String reasoning,
            List<String> conditions,
            List<RefusalCriterion> criteria) {
        Actor actor = adviser(caller);
        CaseStore.Loaded loaded = store.load(id, null, true).orElseThrow(() -> new NotFoundException("Case", id));
        if (!adviceAskedOf(loaded.c(), caller.team())) {
            throw new NotFoundException("Case", id);
        }
        return authorityCase(apply(
                loaded,
                new CaseCommand.GiveAdvice(actor.teams().iterator().next(), type, reasoning, conditions, criteria),
                actor,
                caller));
    }

    @Transactional
    public AuthorityCase consolidateAdvice(Caller caller, UUID id, String summary) {
        return authorityCase(apply(caller, id, new CaseCommand.ConsolidateAdvice(summary), authority(caller)));
    }

    /**
     * A senior officer countersigns the proposed decision; a final approval issues the licence. Four eyes is the
     * domain's rule: the officer who made the decision is refused (403), whatever roles they hold.
     */
    @Transactional
    public AuthorityCase countersign(Caller caller, UUID id, String reasons) {
        Actor actor = authority(caller);
        CaseStore.Loaded loaded = apply(caller, id, new CaseCommand.Countersign(reasons), actor);
        issueIfApproved(loaded, caller);
        return authorityCase(loaded);
    }

    @Transactional
    public AuthorityCase refuseCountersignature(Caller caller, UUID id, String reasons) {
        return authorityCase(apply(caller, id, new CaseCommand.RefuseCountersignature(reasons), authority(caller)));
    }

    /**
     * A senior officer assigns the appeal to an officer who neither made nor countersigned the refusal (the domain
     * checks that too): an enabled caseworker or senior officer of the authority, else the field is refused.
     */
    @Transactional
    public AuthorityCase assignAppealOfficer(Caller caller, UUID id, UUID officer) {
        CaseStore.Loaded loaded =
                apply(caller, id, new CaseCommand.AssignAppealOfficer(officer.toString()), authority(caller));
        // After the domain's checks (role, state, four eyes), so a refused caller hears 403 whatever they sent; the
        // transaction rolls back when the officer is not eligible.
        requireOfficer(officer, appealExcluded(loaded.c()), "officer");
        return authorityCase(loaded);
    }

    /** The officers who may take the appeal on the case: the authority's officers who took no part in the refusal. */
    @Transactional(readOnly = true)
    public List<CaseworkQueries.Officer> eligibleAppealOfficers(Case c) {
        return casework.officers(appealExcluded(c));
    }

    private static Set<String> appealExcluded(Case c) {
        Set<String> excluded = new java.util.HashSet<>();
        c.decision().ifPresent(d -> excluded.add(d.decidedBy()));
        c.countersignedBy().ifPresent(excluded::add);
        return excluded;
    }

    private void requireOfficer(UUID officer, Set<String> excluded, String field) {
        boolean eligible = casework.officers(excluded).stream().anyMatch(o -> o.id().equals(officer));
        if (!eligible) {
            throw new InvalidInputException(
                    field,
                    "'" + officer + "' is not an officer of the licensing authority who may take this"
                            + (excluded.isEmpty() ? " case" : " appeal (the officers who refused may not)"));
        }
    }

    /** The assigned appeal officer decides; an appeal allowed issues the licence through the same path. */
    @Transactional
    public AuthorityCase decideAppeal(Caller caller, UUID id, Outcome outcome, String reasons) {
        CaseStore.Loaded loaded = apply(caller, id, new CaseCommand.DecideAppeal(outcome, reasons), authority(caller));
        issueIfApproved(loaded, caller);
        return authorityCase(loaded);
    }

    /** A regulator-only note (caseworkers, senior officers, advisers asked for advice on the case). */
    @Transactional
    public AuthorityCase addInternalNote(Caller caller, UUID id, String text) {
        if (caller.hasRole(org.pallas.server.platform.Role.ADVISER) && !isCaseStaff(caller)) {
            Actor actor = adviser(caller);
            CaseStore.Loaded loaded = store.load(id, null, true).orElseThrow(() -> new NotFoundException("Case", id));
            if (!adviceAskedOf(loaded.c(), caller.team())) {
                throw new NotFoundException("Case", id);
            }
            return authorityCase(apply(loaded, new CaseCommand.AddInternalNote(text), actor, caller));
        }
        return authorityCase(apply(caller, id, new CaseCommand.AddInternalNote(text), authority(caller)));
    }

    /**
     * Re-screening newly matched a registered party: every open case naming it (under appeal too) gets a note for its
     * case officer, written by the system, with the alert's evidence (list, entry, score, list versions). Returns the
     * number of cases noted. Regulator-only: the exporter is not told.
     */
    @Transactional
    public int noteScreeningHit(UUID screeningPartyId, String evidence) {
        Actor system = Actor.system(LicensingChanged.InternalNoteAdded.RESCREENING);
        int noted = 0;
        for (Map.Entry<UUID, String> hit : store.openInvolvingScreeningParty(screeningPartyId)) {
            CaseStore.Loaded loaded = store.load(hit.getKey(), null, true).orElseThrow();
            CaseStatus status = loaded.c().status();
            if (!status.isOpen() && status != CaseStatus.UNDER_APPEAL) {
                continue; // decided or withdrawn since the query: a live licence is flagged instead
            }
            String party = loaded.c().application().details().parties().stream()
                    .filter(p -> p.partyId().equals(hit.getValue()))
                    .map(p -> p.name() + " (" + p.partyId() + ")")
                    .findFirst()
                    .orElse(hit.getValue());
            apply(
                    loaded,
                    new CaseCommand.AddInternalNote("Re-screening: party " + party + " newly matches a list entry. "
                            + evidence + ". Review the party's screening matches before deciding."),
                    system,
                    null);
            noted++;
        }
        return noted;
    }

    /**
     * A list update opened an alert on a registered party (screening names no user then): note the open cases naming
     * it. An alert raised when the exporter's submission registered the party is already in that submission's
     * assessment.
     */
    @AfterCommitListener
    void onAlertOpened(ScreeningChanged.AlertOpened alert) {
        if (alert.actorUserId() == null) {
            noteScreeningHit(alert.partyId(), alert.evidence());
        }
    }

    /**
     * A confirmed misuse report (issue 14): a regulator-only note citing it on every open case whose end user (same
     * name key and country) or product it links, and on each case it links itself, written as the caseworker who
     * confirmed it. Returns the cases noted, for their officers' notices.
     */
    @Transactional
    public List<CaseStore.OpenCase> noteMisuseReport(
            Caller caller,
            List<Map.Entry<String, String>> endUsers,
            List<String> products,
            List<String> caseReferences,
            String note) {
        Actor actor = authority(caller);
        Set<String> parties = new java.util.HashSet<>();
        endUsers.forEach(e -> parties.add(LicenceStore.nameKey(e.getKey()) + "|" + e.getValue()));
        Set<String> productKeys = new java.util.HashSet<>();
        products.forEach(p -> productKeys.add(LicenceStore.nameKey(p)));
        Map<UUID, CaseStore.OpenCase> noted = new LinkedHashMap<>();
        for (CaseStore.OpenCase open : store.openCases(null)) {
            boolean party = false;
            for (var p : open.details().path("parties")) {
                String role = p.path("role").asString("");
                party |= (role.equals("END_USER") || role.equals("ULTIMATE_END_USER"))
                        && parties.contains(LicenceStore.nameKey(p.path("name").asString("")) + "|"
                                + p.path("countryCode").asString("").toUpperCase(Locale.ROOT));
            }
            boolean product = false;
            for (var p : open.details().path("products")) {
                product |=
                        productKeys.contains(LicenceStore.nameKey(p.path("name").asString("")));
            }
            if (party || product) {
                noted.put(open.id(), open);
            }
        }
        for (String reference : caseReferences) {
            store.openCases(reference).forEach(open -> noted.putIfAbsent(open.id(), open));
        }
        for (CaseStore.OpenCase open : noted.values()) {
            CaseStore.Loaded loaded = store.load(open.id(), null, true).orElseThrow();
            apply(loaded, new CaseCommand.AddInternalNote(note), actor, caller);
        }
        return List.copyOf(noted.values());
    }

    /** Whether the case ever asked the team for advice (advisers see only such cases). */
    public static boolean adviceAskedOf(Case c, AdviserTeam team) {
        return team != null
                && c.history().stream()
                        .anyMatch(e -> e instanceof CaseEvent.AdviceRequested r
                                && r.teams().contains(team));
    }

    private void issueIfApproved(CaseStore.Loaded loaded, Caller caller) {
        Case c = loaded.c();
        boolean finalApproval = (c.status() == CaseStatus.FINALISED || c.status() == CaseStatus.APPEAL_DECIDED)
                && c.standingOutcome().orElse(null) == Outcome.APPROVED;
        if (!finalApproval) {
            return;
        }
        // The licence is issued in the case officer's name (the domain issues licences as a caseworker); the ledger
        // entry names the user whose action made the approval final.
        Actor issuer = Actor.caseworker(c.caseOfficerId().orElse(caller.userId().toString()));
        LicenceStore.Issued issued = licences.issue(issuer, caller, c, loaded.clock());
        events.publishEvent(new LicensingChanged.LicenceIssued(new Facts(
                issued.id().toString(),
                caller.userId(),
                clock.instant(),
                Map.of(
                        "licence",
                        issued.reference(),
                        "case",
                        loaded.reference(),
                        "validFrom",
                        issued.licence().validFrom().toString(),
                        "validUntil",
                        issued.licence().validUntil().toString()),
                Map.of(
                        "organisationId",
                        loaded.organisationId().toString(),
                        "conditions",
                        issued.licence().conditions()))));
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private CaseStore.Loaded apply(Caller caller, UUID id, CaseCommand command, Actor actor) {
        CaseStore.Loaded loaded = actor.has(ActorRole.EXPORTER)
                ? loadForExporter(caller, id, true)
                : store.load(id, null, true).orElseThrow(() -> new NotFoundException("Case", id));
        return apply(loaded, command, actor, caller);
    }

    private CaseStore.Loaded apply(CaseStore.Loaded loaded, CaseCommand command, Actor actor, Caller caller) {
        Instant now = clock.instant();
        loaded.clock().set(now);
        CaseEvent event;
        try {
            event = command.applyTo(loaded.c(), actor);
        } catch (NotAuthorisedException e) {
            throw new AccessDeniedException(e.getMessage());
        } catch (RuleViolationException e) {
            boolean countersigning =
                    command instanceof CaseCommand.Countersign || command instanceof CaseCommand.RefuseCountersignature;
            if (countersigning
                    && loaded.c()
                            .proposedDecision()
                            .map(d -> d.decidedBy().equals(actor.id()))
                            .orElse(false)) {
                // Four eyes (checked by the domain) is an authorisation rule: the decision-maker is forbidden.
                throw new AccessDeniedException(e.getMessage());
            }
            throw new InvalidInputException("case", e.getMessage());
        } catch (ApplicationInvalidException e) {
            throw invalid(e.errors());
        } catch (IllegalTransitionException | IllegalArgumentException e) {
            throw new InvalidInputException("case", e.getMessage());
        }
        UUID id = UUID.fromString(loaded.c().caseId());
        CaseCommand.Declarations declarations =
                command instanceof CaseCommand.SaveDraft s ? s.declarations() : loaded.declarations();
        CaseStore.Loaded next = new CaseStore.Loaded(
                loaded.c(),
                loaded.organisationId(),
                loaded.reference(),
                declarations,
                loaded.clock(),
                loaded.nextSeq() + 1);
        store.appendCommand(id, loaded.nextSeq(), command, actor, now);
        store.project(next, event, loaded.nextSeq());
        publish(next, event, caller);
        return next;
    }

    private void publish(CaseStore.Loaded loaded, CaseEvent event, Caller caller) {
        CaseEvent.Change ch = event.change();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("case", loaded.reference());
        metadata.put("licenceType", loaded.c().application().type().name());
        metadata.put("from", ch.from().name());
        metadata.put("to", ch.to().name());
        loaded.c().routing().ifPresent(r -> metadata.put("route", r.route().name()));
        loaded.c().standingOutcome().ifPresent(o -> metadata.put("outcome", o.name()));
        Map<String, Object> confidential = new LinkedHashMap<>();
        confidential.put("organisationId", loaded.organisationId().toString());
        confidential.put("actor", ch.actor().id());
        confidential.put("reason", ch.reason() == null ? "" : ch.reason());
        // Who the notices go to (regulator-only): the case officer, and the teams an advice request asks.
        loaded.c().caseOfficerId().ifPresent(o -> confidential.put("caseOfficerId", o));
        if (event instanceof CaseEvent.AdviceRequested asked) {
            confidential.put(
                    "adviceTeams",
                    asked.teams().stream().map(Enum::name).sorted().toList());
        }
        if (event instanceof CaseEvent.InformationProvided) {
            List<org.pallas.licensing.InformationRequest> asked = loaded.c().informationRequests();
            if (!asked.isEmpty() && asked.get(asked.size() - 1).answer() != null) {
                confidential.put("answer", asked.get(asked.size() - 1).answer());
            }
        }
        if (event instanceof CaseEvent.CaseFinalised) {
            // The decision's own reasons (the final step may be a countersignature with reasons of its own).
            loaded.c().decision().ifPresent(d -> confidential.put("decisionReasons", d.reasons()));
        }
        if (event instanceof CaseEvent.DecisionProposed) {
            loaded.c().proposedDecision().ifPresent(d -> confidential.put("decidedBy", d.decidedBy()));
        }
        boolean system = ch.actor().has(ActorRole.SYSTEM);
        events.publishEvent(RecordedLicensingEvents.of(
                event,
                new Facts(loaded.c().caseId(), system ? null : caller.userId(), ch.at(), metadata, confidential)));
    }

    private CaseStore.Loaded loadForExporter(Caller caller, UUID id, boolean forUpdate) {
        if (!caller.isExporter()) {
            throw new AccessDeniedException("Only an exporter's staff file and follow applications.");
        }
        // Scoped to the caller's organisation: another exporter's case is "not found", not "forbidden".
        return store.load(id, caller.organisationId(), forUpdate)
                .orElseThrow(() -> new NotFoundException("Application", id));
    }

    private static Actor exporter(Caller caller) {
        return CaseActors.exporter(caller, "Only an exporter's staff file and follow applications.");
    }

    /** The caller as authority staff; the domain then checks the exact role each action needs. */
    public static Actor authority(Caller caller) {
        return CaseActors.authority(caller);
    }

    private static Actor adviser(Caller caller) {
        return CaseActors.adviser(caller);
    }

    /** Caseworkers and senior officers: the staff who act on cases. */
    public static boolean isCaseStaff(Caller caller) {
        return caller.isAuthority()
                && caller.hasAnyRole(
                        org.pallas.server.platform.Role.CASEWORKER, org.pallas.server.platform.Role.SENIOR_OFFICER);
    }

    /** Who may read cases: case staff, oversight and auditors (everything), advisers (cases asking their team). */
    static void requireCaseReader(Caller caller) {
        if (isCaseStaff(caller)
                || (!caller.isExporter()
                        && caller.hasAnyRole(
                                org.pallas.server.platform.Role.OVERSIGHT, org.pallas.server.platform.Role.AUDITOR))
                || (caller.isAdvisoryDepartment() && caller.hasRole(org.pallas.server.platform.Role.ADVISER))) {
            return;
        }
        throw new AccessDeniedException("Only the licensing authority, its advisers and oversight read cases.");
    }

    /** The queue: case staff, and oversight and auditors who read everything (advisers have their own queue). */
    static void requireQueueReader(Caller caller) {
        if (isCaseStaff(caller)
                || (!caller.isExporter()
                        && caller.hasAnyRole(
                                org.pallas.server.platform.Role.OVERSIGHT, org.pallas.server.platform.Role.AUDITOR))) {
            return;
        }
        throw new AccessDeniedException("Only the licensing authority and oversight read the case queue.");
    }

    static void requireAuthority(Caller caller) {
        if (!caller.isAuthority()
                || !caller.hasAnyRole(
                        org.pallas.server.platform.Role.CASEWORKER, org.pallas.server.platform.Role.SENIOR_OFFICER)) {
            throw new AccessDeniedException(
                    "Only the licensing authority's caseworkers and senior officers handle cases.");
        }
    }

    private static void checkDeclarations(CaseCommand.Declarations declared) {
        List<FieldError> errors = new ArrayList<>();
        if (declared.riskTier() != null && (declared.riskTier() < 1 || declared.riskTier() > 4)) {
            errors.add(new FieldError("riskTier", "the risk tier is 1 to 4, not " + declared.riskTier()));
        }
        if (declared.endUseCategory() != null && !CATEGORIES.contains(declared.endUseCategory())) {
            errors.add(new FieldError(
                    "endUseCategory", "'" + declared.endUseCategory() + "' is not one of " + CATEGORIES));
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
    }

    public static final List<String> CATEGORIES = java.util.Arrays.stream(org.pallas.policy.EndUse.Category.values())
            .map(Enum::name)
            .toList();

    private static void declarationProblems(CaseCommand.Declarations declared, List<FieldError> errors) {
        if (declared.riskTier() == null) {
            errors.add(new FieldError("riskTier", "declare the products' risk tier (1 to 4)"));
        }
        if (declared.endUseCategory() == null) {
            errors.add(new FieldError("endUseCategory", "choose the category of end use"));
        }
    }

    private static InvalidInputException invalid(List<FieldError> errors) {
        return new InvalidInputException(errors.stream()
                .map(e -> new InvalidInputException.FieldProblem(e.field(), e.message()))
                .toList());
    }
}
