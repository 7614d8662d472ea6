package org.pallas.server.licensing.cases;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.licensing.Party;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.licensing.licences.Licences;
import org.pallas.server.platform.AfterCommitListener;
import org.pallas.server.platform.Caller;
import org.pallas.server.screening.Alerts;
import org.pallas.server.screening.PartyInput;
import org.pallas.server.screening.PartyRegister;
import org.pallas.server.screening.ScreeningChanged;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Continuous re-screening of licensed parties. Each party of a submitted application is registered in the screening
 * module's party register (in the applicant's organisation), so the register re-screens it against the changed
 * entries whenever a list version is imported. When screening raises a new alert (or reopens one) on such a party,
 * every live licence involving it is flagged for the case officer's review (open cases are noted by {@link
 * Cases#onAlertOpened}). The alerts on a case's parties are its parties' matched entries on the case page.
 */
@Service
class ScreenedParties {

    private final PartyRegister register;
    private final Alerts alerts;
    private final LicenceStore store;
    private final Licences licences;

    ScreenedParties(PartyRegister register, Alerts alerts, LicenceStore store, Licences licences) {
        this.register = register;
        this.alerts = alerts;
        this.store = store;
        this.licences = licences;
    }

    /**
     * Registers the parties not registered yet (an amendment may add parties) on behalf of the exporter who submitted
     * (the party belongs to their organisation's register, as if they had entered it); runs in the submission's
     * transaction, called by {@link Cases} on submission and amendment.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void register(Caller caller, UUID caseId, String caseReference, List<Party> parties) {
        for (Party p : parties) {
            if (p.name() == null || p.name().isBlank() || store.screenedPartyLinked(caseId, p.partyId())) {
                continue;
            }
            String name = p.name().length() > 500 ? p.name().substring(0, 500) : p.name();
            String country = p.countryCode() == null || p.countryCode().isBlank() ? null : p.countryCode();
            UUID id = register.create(
                            caller,
                            new PartyInput(
                                    name,
                                    "any",
                                    country,
                                    null,
                                    List.of(),
                                    caseReference + " " + p.role() + " " + p.partyId()))
                    .id();
            store.linkScreenedParty(caseId, p.partyId(), id);
        }
    }

    /** Each party's matched entries, strongest first: the alerts screening raised on the case's registered parties. */
    List<PartyMatch> matches(UUID caseId, List<Party> parties) {
        Map<UUID, String> linked = store.screenedParties(caseId);
        Map<String, String> names = new HashMap<>();
        parties.forEach(p -> names.put(p.partyId(), p.name()));
        return alerts.ofParties(linked.keySet()).stream()
                .map(a -> new PartyMatch(
                        linked.get(a.partyId()),
                        names.getOrDefault(linked.get(a.partyId()), a.partyName()),
                        a.source(),
                        a.entryId(),
                        a.listedName(),
                        a.score(),
                        a.listVersion(),
                        a.explanation(),
                        a.status()))
                .toList();
    }

    /**
     * A new or reopened screening alert: flag the live licences involving the party once the alert is committed. The
     * flag must not be lost (redelivered if it fails) nor hold up the list import or screening that raised the alert.
     */
    @AfterCommitListener
    void onAlertOpened(ScreeningChanged.AlertOpened alert) {
        licences.flagForScreeningHit(alert.partyId(), alert.evidence());
    }
}
