package org.pallas.server.licensing.licences;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.licensing.Actor;
import org.pallas.licensing.ExporterLicenceView;
import org.pallas.licensing.IllegalTransitionException;
import org.pallas.licensing.Licence;
import org.pallas.licensing.LicenceCommand;
import org.pallas.licensing.LicenceEvent;
import org.pallas.licensing.NotAuthorisedException;
import org.pallas.licensing.Party;
import org.pallas.licensing.ReviewReason;
import org.pallas.licensing.RuleViolationException;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.UsageKind;
import org.pallas.server.licensing.LicensingChanged;
import org.pallas.server.licensing.RecordedLicensingEvents;
import org.pallas.server.licensing.cases.CaseActors;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange.Facts;
import org.pallas.server.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The licence domain service: every change to an issued licence goes through here. It turns the {@link Caller} into
 * the domain's {@link Actor} (the domain {@link Licence} authorises and holds every rule), applies one command to the
 * licence rebuilt from storage, stores the command and its projections, and publishes one {@link LicensingChanged}
 * ({@code licensing.licence.<event>}) per change inside the transaction.
 */
@Service
public class Licences {

    static final String EXPIRY_SWEEP = "licence-expiry";
    static final String RESCREENING = LicensingChanged.InternalNoteAdded.RESCREENING;
    static final String MISUSE_REPORT = "misuse-report";

    private final LicenceStore store;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;

    public Licences(LicenceStore store, ApplicationEventPublisher events, ReadLog readLog, Clock clock) {
        this.store = store;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    /** Exporters read their own organisation's licences; caseworkers, senior officers, oversight and auditors all. */
    @Transactional(readOnly = true)
    public List<LicenceStore.Row> list(Caller caller, boolean flaggedOnly) {
        return store.list(scope(caller), flaggedOnly && !caller.isExporter());
    }

    @Transactional(readOnly = true)
    public LicenceStore.Loaded find(Caller caller, UUID id) {
        return store.load(id, scope(caller), false).orElseThrow(() -> new NotFoundException("Licence", id));
    }

    /** A licence served to a page: as {@link #find}, and an oversight reader's read is logged. */
    @Transactional // not read-only: oversight reads are logged
    public LicenceStore.Loaded read(Caller caller, UUID id) {
        LicenceStore.Loaded loaded = find(caller, id);
        readLog.record(caller, "licence", id);
        return loaded;
    }

    @Transactional(readOnly = true)
    public ExporterLicenceView exporterView(Caller caller, UUID id) {
        LicenceStore.Loaded loaded = find(caller, id);
        return ExporterLicenceView.of(loaded.licence(), exporter(caller));
    }

    @Transactional(readOnly = true)
    public List<LicenceStore.HistoryLine> history(Caller caller, UUID id) {
        find(caller, id);
        return store.history(id);
    }

    // ---- exporter ----------------------------------------------------------------------------------------------

    @Transactional
    public LicenceStore.Loaded reportUsage(
            Caller caller, UUID id, UsageKind kind, Long quantity, LocalDate occurredOn, String reference) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (kind == null) {
            problems.add(new InvalidInputException.FieldProblem("kind", "Choose what you are reporting"));
        }
        if (quantity == null || quantity <= 0) {
            problems.add(new InvalidInputException.FieldProblem("quantity", "Enter a whole number of at least 1"));
        }
        if (occurredOn == null) {
            problems.add(
                    new InvalidInputException.FieldProblem("occurredOn", "Enter the date of the use as YYYY-MM-DD"));
        }
        if (reference != null && reference.length() > 200) {
            problems.add(
                    new InvalidInputException.FieldProblem("reference", "Reference must be 200 characters or fewer"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        return apply(caller, id, new LicenceCommand.ReportUsage(kind, quantity, occurredOn, ref), exporter(caller));
    }

    @Transactional
    public LicenceStore.Loaded surrender(Caller caller, UUID id, String reason) {
        return apply(caller, id, new LicenceCommand.Surrender(reason(reason)), exporter(caller));
    }

    // ---- authority ---------------------------------------------------------------------------------------------

    @Transactional
    public LicenceStore.Loaded suspend(Caller caller, UUID id, String reason) {
        return apply(caller, id, new LicenceCommand.Suspend(reason(reason)), CaseActors.authority(caller));
    }

    @Transactional
    public LicenceStore.Loaded reinstate(Caller caller, UUID id, String reason) {
        return apply(caller, id, new LicenceCommand.Reinstate(reason(reason)), CaseActors.authority(caller));
    }

    @Transactional
    public LicenceStore.Loaded revoke(Caller caller, UUID id, String reason) {
        return apply(caller, id, new LicenceCommand.Revoke(reason(reason)), CaseActors.authority(caller));
    }

    /** The authority reviewed the flags and keeps the licence as it is, saying why. */
    @Transactional
    public LicenceStore.Loaded clearReviewFlags(Caller caller, UUID id, String reason) {
        return apply(caller, id, new LicenceCommand.ClearReviewFlags(reason(reason)), CaseActors.authority(caller));
    }

    /**
     * New evidence of misuse by the end user of this licence (e.g. a forensic report of the kind in regulation.md §6,
     * CASE-01 … CASE-18; EUREC-RF-HIST): flags every live licence whose end user is the same (same name, accents,
     * case and punctuation aside, and the same country). Returns the number of licences flagged.
     */
    @Transactional
    public int recordMisuseEvidence(Caller caller, UUID id, String evidence) {
        Actor actor = CaseActors.authority(caller);
        if (!actor.has(org.pallas.licensing.ActorRole.CASEWORKER)) {
            throw new AccessDeniedException("Only a caseworker records misuse evidence");
        }
        String text = reason(evidence, "evidence", "Describe the evidence and cite its source");
        Licence licence = find(caller, id).licence();
        Party endUser = licence.endUser()
                .orElseThrow(() -> new InvalidInputException("evidence", "This licence names no end user"));
        int flagged = 0;
        for (Map.Entry<UUID, String> hit :
                store.liveInvolvingEndUser(LicenceStore.nameKey(endUser.name()), endUser.countryCode())) {
            apply(
                    caller,
                    hit.getKey(),
                    new LicenceCommand.FlagForReview(ReviewReason.NEW_MISUSE_EVIDENCE, hit.getValue(), text),
                    actor);
            flagged++;
        }
        return flagged;
    }

    /**
     * A confirmed misuse report (issue 14, PMP-ACC-3 [R, unverified]): flags for review every live licence whose end user is a linked
     * end user (same name key and country), whose case names a linked product, or that is linked itself, citing the
     * report in {@code evidence}. {@code caller} is the officer who confirmed it (null when that account is gone). The case officers hear of it through the flag's notice. Returns the number flagged.
     */
    @Transactional
    public int flagForMisuseReport(
            Caller caller,
            List<Map.Entry<String, String>> endUsers,
            List<String> products,
            List<String> licenceReferences,
            String evidence) {
        // A caseworker flags in their own name; a senior officer's confirmation (or a departed user's) flags as the
        // system, since flagging is a caseworker's or the system's act in the domain.
        Actor actor = caller != null && caller.isAuthority() && caller.hasRole(Role.CASEWORKER)
                ? CaseActors.authority(caller)
                : Actor.system(MISUSE_REPORT);
        Map<UUID, String> targets = new LinkedHashMap<>();
        for (Map.Entry<String, String> endUser : endUsers) {
            for (Map.Entry<UUID, String> hit :
                    store.liveInvolvingEndUser(LicenceStore.nameKey(endUser.getKey()), endUser.getValue())) {
                targets.putIfAbsent(hit.getKey(), hit.getValue());
            }
        }
        java.util.Set<String> productKeys = new java.util.HashSet<>();
        products.forEach(p -> productKeys.add(LicenceStore.nameKey(p)));
        if (!productKeys.isEmpty()) {
            for (Map.Entry<Map.Entry<UUID, String>, String> row : store.liveWithProducts()) {
                if (productKeys.contains(LicenceStore.nameKey(row.getValue()))
                        && !"null".equals(row.getKey().getValue())) {
                    targets.putIfAbsent(row.getKey().getKey(), row.getKey().getValue());
                }
            }
        }
        for (String reference : licenceReferences) {
            store.liveByReference(reference).ifPresent(hit -> targets.putIfAbsent(hit.getKey(), hit.getValue()));
        }
        int flagged = 0;
        for (Map.Entry<UUID, String> target : targets.entrySet()) {
            LicenceStore.Loaded loaded = store.load(target.getKey(), null, true).orElseThrow();
            if (applyLoaded(
                            loaded,
                            new LicenceCommand.FlagForReview(
                                    ReviewReason.NEW_MISUSE_EVIDENCE, target.getValue(), evidence),
                            actor,
                            caller)
                    .isPresent()) {
                flagged++;
            }
        }
        return flagged;
    }

    // ---- system ------------------------------------------------------------------------------------------------

    /** The expiry sweep (driven by the injected clock): every live licence past its last valid day expires. */
    @Transactional
    public int expireDue() {
        Actor system = Actor.system(EXPIRY_SWEEP);
        int expired = 0;
        for (UUID id : store.dueToExpire(LocalDate.ofInstant(clock.instant(), ServiceLevelClock.UK))) {
            LicenceStore.Loaded loaded = store.load(id, null, true).orElseThrow();
            if (applyLoaded(loaded, new LicenceCommand.Expire(), system, null).isPresent()) {
                expired++;
            }
        }
        return expired;
    }

    /**
     * A new screening alert on a registered party: flags every live licence involving it (ReviewSweep's rule, one
     * licence at a time so that each change is stored and recorded). Returns the number flagged.
     */
    @Transactional
    public int flagForScreeningHit(UUID screeningPartyId, String evidence) {
        Actor system = Actor.system(RESCREENING);
        int flagged = 0;
        for (Map.Entry<UUID, String> hit : store.liveInvolvingScreeningParty(screeningPartyId)) {
            LicenceStore.Loaded loaded = store.load(hit.getKey(), null, true).orElseThrow();
            if (applyLoaded(
                            loaded,
                            new LicenceCommand.FlagForReview(ReviewReason.NEW_SCREENING_HIT, hit.getValue(), evidence),
                            system,
                            null)
                    .isPresent()) {
                flagged++;
            }
        }
        return flagged;
    }

    // ---- plumbing ----------------------------------------------------------------------------------------------

    private LicenceStore.Loaded apply(Caller caller, UUID id, LicenceCommand command, Actor actor) {
        UUID scope = actor.has(org.pallas.licensing.ActorRole.EXPORTER) ? caller.organisationId() : null;
        LicenceStore.Loaded loaded =
                store.load(id, scope, true).orElseThrow(() -> new NotFoundException("Licence", id));
        applyLoaded(loaded, command, actor, caller);
        return loaded;
    }

    private Optional<LicenceEvent> applyLoaded(
            LicenceStore.Loaded loaded, LicenceCommand command, Actor actor, Caller caller) {
        Instant now = clock.instant();
        loaded.clock().set(now);
        Optional<LicenceEvent> event;
        try {
            event = command.applyTo(loaded.licence(), actor);
        } catch (NotAuthorisedException e) {
            throw new AccessDeniedException(e.getMessage());
        } catch (IllegalTransitionException e) {
            throw new InvalidInputException("status", e.getMessage());
        } catch (RuleViolationException | IllegalArgumentException e) {
            throw new InvalidInputException(field(command, e.getMessage()), e.getMessage());
        }
        if (event.isEmpty()) {
            return event;
        }
        store.append(loaded.id(), loaded.nextSeq(), command, actor, now);
        store.project(loaded, event.get(), loaded.nextSeq());
        publish(loaded, event.get(), caller);
        return event;
    }

    /** The form field a refused command is about, so the message stands next to it. */
    private static String field(LicenceCommand command, String message) {
        if (command instanceof LicenceCommand.ReportUsage) {
            if (message.contains("would exceed") || message.contains("quantity")) {
                return "quantity";
            }
            if (message.contains(" is ") && message.contains("cannot be reported")) {
                return "kind";
            }
            return "occurredOn";
        }
        return command instanceof LicenceCommand.FlagForReview ? "evidence" : "reason";
    }

    private void publish(LicenceStore.Loaded loaded, LicenceEvent event, Caller caller) {
        LicenceEvent.Change ch = event.change();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("licence", loaded.reference());
        metadata.put("case", loaded.caseReference());
        metadata.put("from", ch.from().name());
        metadata.put("to", ch.to().name());
        Map<String, Object> confidential = new LinkedHashMap<>();
        confidential.put("organisationId", loaded.organisationId().toString());
        confidential.put("actor", ch.actor().id());
        confidential.put("reason", ch.reason() == null ? "" : ch.reason());
        if (event instanceof LicenceEvent.UsageReported u) {
            metadata.put("kind", u.kind().name());
            metadata.put("quantity", u.quantity());
            metadata.put("totalUsed", u.totalUsed());
        }
        if (event instanceof LicenceEvent.LicenceFlaggedForReview f) {
            metadata.put("reviewReason", f.reviewReason().name());
            confidential.put("partyId", f.partyId());
            confidential.put("notifyOfficerId", f.notifyOfficerId());
        }
        boolean system = ch.actor().has(org.pallas.licensing.ActorRole.SYSTEM);
        events.publishEvent(RecordedLicensingEvents.of(
                event,
                new Facts(
                        loaded.id().toString(),
                        system || caller == null ? null : caller.userId(),
                        ch.at(),
                        metadata,
                        confidential)));
    }

    private static String reason(String text) {
        return reason(text, "reason", "Give the reason");
    }

    private static String reason(String text, String field, String message) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException(field, message);
        }
        if (text.length() > 2000) {
            throw new InvalidInputException(field, "Keep it to 2000 characters or fewer");
        }
        return text.strip();
    }

    /** Null for readers across organisations; the exporter's own organisation; 403 for anyone else. */
    static UUID scope(Caller caller) {
        if (caller.isExporter() && caller.hasRole(Role.EXPORTER)) {
            return caller.organisationId();
        }
        if (caller.isAuthority() && caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER)
                || caller.hasAnyRole(Role.OVERSIGHT, Role.AUDITOR)) {
            return null;
        }
        throw new AccessDeniedException("Your roles do not allow you to read licences");
    }

    private static Actor exporter(Caller caller) {
        return CaseActors.exporter(caller, "Only the holder's staff report use of or surrender a licence.");
    }
}
