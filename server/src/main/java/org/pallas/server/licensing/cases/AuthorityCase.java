package org.pallas.server.licensing.cases;

import java.util.List;
import org.pallas.licensing.Case;

/**
 * Everything the authority's case page and case API show of one case, read from one replay; every authority action
 * answers with it (issue #20: a command returns the view its caller needs), so the web page and the API share it.
 * Regulator-only: never shown to an exporter.
 *
 * @param assessment the automated assessment at submission, or null before one
 * @param serviceLevel the service-level clock, or null when the holiday calendar does not cover the case's dates
 * @param partyMatches each party's matched list entries (screening's alerts on the case's parties), strongest first
 */
public record AuthorityCase(
        CaseStore.Loaded loaded,
        SubmissionAssessments.Summary assessment,
        CaseServiceLevel serviceLevel,
        List<PartyMatch> partyMatches) {

    public Case c() {
        return loaded.c();
    }
}
