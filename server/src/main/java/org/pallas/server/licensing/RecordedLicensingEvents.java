package org.pallas.server.licensing;

import static java.util.Map.entry;

import java.util.Map;
import java.util.function.Function;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.LicenceEvent;
import org.pallas.server.platform.RecordedChange.Facts;

/**
 * The published event for each domain event of a case or a licence (one entry per domain event type), for the
 * services of {@code cases} and {@code licences} that publish them.
 */
public final class RecordedLicensingEvents {

    static final Map<Class<? extends CaseEvent>, Function<Facts, LicensingChanged.CaseChanged>> CASE = Map.ofEntries(
            entry(CaseEvent.DraftSaved.class, LicensingChanged.DraftSaved::new),
            entry(CaseEvent.ApplicationSubmitted.class, LicensingChanged.ApplicationSubmitted::new),
            entry(CaseEvent.CaseRouted.class, LicensingChanged.CaseRouted::new),
            entry(CaseEvent.CaseOfficerAssigned.class, LicensingChanged.CaseOfficerAssigned::new),
            entry(CaseEvent.InitialChecksCompleted.class, LicensingChanged.InitialChecksCompleted::new),
            entry(CaseEvent.AdviceRequested.class, LicensingChanged.AdviceRequested::new),
            entry(CaseEvent.AdviceGiven.class, LicensingChanged.AdviceGiven::new),
            entry(CaseEvent.AdviceConsolidated.class, LicensingChanged.AdviceConsolidated::new),
            entry(CaseEvent.InformationRequested.class, LicensingChanged.InformationRequested::new),
            entry(CaseEvent.InformationProvided.class, LicensingChanged.InformationProvided::new),
            entry(CaseEvent.ApplicationAmended.class, LicensingChanged.ApplicationAmended::new),
            entry(CaseEvent.DecisionProposed.class, LicensingChanged.DecisionProposed::new),
            entry(CaseEvent.CountersignatureRefused.class, LicensingChanged.CountersignatureRefused::new),
            entry(CaseEvent.CaseFinalised.class, LicensingChanged.CaseFinalised::new),
            entry(CaseEvent.CaseWithdrawn.class, LicensingChanged.CaseWithdrawn::new),
            entry(CaseEvent.AppealLodged.class, LicensingChanged.AppealLodged::new),
            entry(CaseEvent.AppealOfficerAssigned.class, LicensingChanged.AppealOfficerAssigned::new),
            entry(CaseEvent.AppealDecided.class, LicensingChanged.AppealDecided::new),
            entry(CaseEvent.InternalNoteAdded.class, LicensingChanged.InternalNoteAdded::new));

    /** Issuing is published by the case that approves it ({@link LicensingChanged.LicenceIssued}), not here. */
    static final Map<Class<? extends LicenceEvent>, Function<Facts, LicensingChanged.LicenceChanged>> LICENCE =
            Map.ofEntries(
                    entry(LicenceEvent.LicenceSuspended.class, LicensingChanged.LicenceSuspended::new),
                    entry(LicenceEvent.LicenceReinstated.class, LicensingChanged.LicenceReinstated::new),
                    entry(LicenceEvent.LicenceRevoked.class, LicensingChanged.LicenceRevoked::new),
                    entry(LicenceEvent.LicenceSurrendered.class, LicensingChanged.LicenceSurrendered::new),
                    entry(LicenceEvent.LicenceExpired.class, LicensingChanged.LicenceExpired::new),
                    entry(LicenceEvent.UsageReported.class, LicensingChanged.UsageReported::new),
                    entry(LicenceEvent.LicenceFlaggedForReview.class, LicensingChanged.LicenceFlaggedForReview::new),
                    entry(LicenceEvent.ReviewFlagsCleared.class, LicensingChanged.ReviewFlagsCleared::new));

    private RecordedLicensingEvents() {}

    public static LicensingChanged.CaseChanged of(CaseEvent event, Facts facts) {
        return published(CASE, event.getClass()).apply(facts);
    }

    public static LicensingChanged.LicenceChanged of(LicenceEvent event, Facts facts) {
        return published(LICENCE, event.getClass()).apply(facts);
    }

    private static <E, P> Function<Facts, P> published(
            Map<Class<? extends E>, Function<Facts, P>> events, Class<?> type) {
        Function<Facts, P> event = events.get(type);
        if (event == null) {
            throw new IllegalStateException("no published event for " + type.getSimpleName());
        }
        return event;
    }
}
