package org.pallas.server.licensing;

import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.misuse.LinkedRecords;
import org.springframework.stereotype.Component;

/** Which licence and case references exist, for a misuse report's triage links (submitted cases only). */
@Component
class MisuseLinks implements LinkedRecords {

    private final LicenceStore licences;
    private final CaseStore cases;

    MisuseLinks(LicenceStore licences, CaseStore cases) {
        this.licences = licences;
        this.cases = cases;
    }

    @Override
    public boolean licenceExists(String reference) {
        return licences.referenceExists(reference);
    }

    @Override
    public boolean caseExists(String reference) {
        return cases.referenceExists(reference);
    }
}
