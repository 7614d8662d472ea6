package org.pallas.server.licensing;

import java.util.List;
import java.util.Map;
import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.licences.Licences;
import org.pallas.server.licensing.notifications.Notifications;
import org.pallas.server.misuse.MisuseChanged;
import org.pallas.server.misuse.MisuseReports;
import org.pallas.server.platform.AfterCommitListener;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.KnownCallers;
import org.springframework.stereotype.Component;

/**
 * Licensing's side of confirmed misuse reports (issue 14; PMP-ACC-3 [R, unverified], EUREC-RF-HIST): once the confirmation has
 * committed, every live licence of the linked end users and products (and each linked licence) is flagged for review
 * and every open case of them (and each linked case) gets a regulator-only note; both cite the report's reference,
 * and the case officers are told (the licence flag's own notice; a notice per noted case). The misuse module is then
 * told that action was taken, which is all the reporter learns.
 */
@Component
class MisuseReportReviews {

    private final Licences licences;
    private final Cases cases;
    private final Notifications notifications;
    private final MisuseReports reports;
    private final KnownCallers callers;

    MisuseReportReviews(
            Licences licences, Cases cases, Notifications notifications, MisuseReports reports, KnownCallers callers) {
        this.licences = licences;
        this.cases = cases;
        this.notifications = notifications;
        this.reports = reports;
        this.callers = callers;
    }

    @AfterCommitListener
    void onEvidenceConfirmed(MisuseChanged.EvidenceConfirmed confirmed) {
        String report = confirmed.reference();
        // The caseworker who confirmed it acts (their roles authorise the flags and notes in the domain).
        Caller officer = confirmed.actorUserId() == null
                ? null
                : callers.byUserId(confirmed.actorUserId()).orElse(null);
        List<Map.Entry<String, String>> endUsers = confirmed.endUsers().stream()
                .map(e -> Map.entry(e.getOrDefault("name", ""), e.getOrDefault("country", "")))
                .toList();
        String evidence = "Misuse report " + report + " confirmed by the licensing authority (EUREC-RF-HIST): "
                + confirmed.reasons();
        int flagged =
                licences.flagForMisuseReport(officer, endUsers, confirmed.products(), confirmed.licences(), evidence);
        int noted = 0;
        if (officer != null) {
            for (CaseStore.OpenCase open :
                    cases.noteMisuseReport(officer, endUsers, confirmed.products(), confirmed.cases(), evidence)) {
                noted++;
                if (open.caseOfficerId() != null && !open.caseOfficerId().equals(officer.userId())) {
                    notifications.notifyUser(
                            open.caseOfficerId(),
                            "misuse-report",
                            "Misuse report " + report + " concerns case " + open.reference(),
                            "Confirmed misuse evidence (report " + report + ") concerns an end user or product of"
                                    + " case " + open.reference() + ". Review the case: " + confirmed.reasons(),
                            "/cases/" + open.id());
                }
            }
        }
        reports.recordActionTaken(report, flagged, noted);
    }
}
