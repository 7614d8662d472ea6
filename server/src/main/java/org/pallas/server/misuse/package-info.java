/**
 * Misuse reports (issue 14): civil society and victims report spyware misuse, anonymously with a receipt or as a
 * signed-in civil-society organisation, with STIX 2.1 evidence (validated, indicators normalised and matched against
 * earlier reports and the shipped catalogue) and documents (checked by content, hashed, encrypted at rest with a
 * per-report key). The licensing authority triages; oversight reads. Confirmed evidence is misuse evidence for the
 * policy engine ({@link org.pallas.server.misuse.MisuseReports#confirmedEvidence}) and is published as {@link
 * org.pallas.server.misuse.MisuseChanged.EvidenceConfirmed}, on which licensing flags licences and notes open cases
 * (PMP-ACC-3 [R, unverified], JS-4, ECHRI-2, ECHRI-3). What is kept and why: docs/misuse-reports.md.
 *
 * <p>It depends on the platform only; licensing depends on it (listening, and implementing {@link
 * org.pallas.server.misuse.LinkedRecords}), never the other way round.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Misuse reports",
        allowedDependencies = {"platform", "identity", "classification", "screening"})
package org.pallas.server.misuse;
