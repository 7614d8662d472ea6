package org.pallas.server.licensing;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * Licensing in the isolation matrix. Applications are exporters' own (another exporter's answers 404; everyone else
 * 403, the authority reads cases through the case pages); caseworkers and senior officers act on cases, oversight and
 * auditors read them, advisers read and advise on the cases that asked their team.
 */
class LicensingIsolationRows implements IsolationRows {

    private static final String B_DRAFT = LicensingDemoSeed.CALDER_DRAFT.toString();
    private static final String B_SUBMITTED = LicensingDemoSeed.CALDER_SUBMITTED.toString();
    private static final String A_SUBMITTED = LicensingDemoSeed.NORTHBRIDGE_SUBMITTED.toString();

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                // API
                row("GET /api/v1/applications").expect("anon=401 A=200 B=200 *=403"),
                row("POST /api/v1/applications")
                        .json("{\"type\":\"INDIVIDUAL\"}")
                        .expect("anon=401 A=201 B=201 *=403"),
                row("GET /api/v1/applications/{id}").with("id", B_SUBMITTED).expect("anon=401 A=404 B=200 *=403"),
                row("GET /api/v1/applications/{id}").with("id", A_SUBMITTED).expect("anon=401 A=200 B=404 *=403"),
                row("GET /api/v1/applications/{id}").with("id", "@random").expect("anon=401 A=404 B=404 *=403"),
                row("PUT /api/v1/applications/{id}")
                        .with("id", B_DRAFT)
                        .json("{\"type\":\"INDIVIDUAL\"}")
                        .expect("anon=401 A=404 B=200 *=403"),
                row("PUT /api/v1/applications/{id}/undertaking")
                        .with("id", B_DRAFT)
                        .json("{\"not\":\"a pdf\"}")
                        .expect("anon=401 A=404 B=400 *=403"),
                row("POST /api/v1/applications/{id}/submit")
                        .with("id", B_SUBMITTED)
                        .expect("anon=401 A=404 B=400 *=403"),
                // Exporter pages
                row("GET /applications").expect("anon=302 A=200 B=200 *=403"),
                row("POST /applications").form("").expect("anon=302 A=302 B=302 *=403"),
                row("GET /applications/{id}").with("id", B_SUBMITTED).expect("anon=302 A=404 B=200 *=403"),
                row("GET /applications/{id}/edit").with("id", B_DRAFT).expect("anon=302 A=404 B=200 *=403"),
                row("POST /applications/{id}/edit")
                        .with("id", B_DRAFT)
                        .form("productName=Calder+Mobile+Extract")
                        .expect("anon=302 A=404 B=200 *=403"),
                row("POST /applications/{id}/undertaking")
                        .with("id", B_DRAFT)
                        .form("")
                        .expect("anon=302 A=404 B=400 *=403"),
                row("POST /applications/{id}/submit").with("id", B_SUBMITTED).expect("anon=302 A=404 B=400 *=403"),
                // Authority pages
                row("GET /cases").expect("anon=302 cw=200 so=200 ov=200 aud=200 *=403"),
                // Oversight and auditors read every case; an adviser only a case that asked their team (else 404).
                row("GET /cases/{id}")
                        .with("id", B_SUBMITTED)
                        .expect("anon=302 cw=200 so=200 ov=200 aud=200 adv=404 *=403"),
                row("GET /cases/{id}")
                        .with("id", "@random")
                        .expect("anon=302 cw=404 so=404 ov=404 aud=404 adv=404 *=403"),
                row("POST /cases/{id}/assign").with("id", "@random").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/checks").with("id", "@random").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/decision")
                        .with("id", "@random")
                        .form("outcome=REFUSED&reasons=x&criteria=UK_C1")
                        .expect("anon=302 cw=404 so=404 *=403"),
                // Casework actions: case staff act (404 for a case that does not exist); readers and exporters 403
                row("POST /cases/{id}/information-request")
                        .with("id", "@random")
                        .form("question=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/advice-request")
                        .with("id", "@random")
                        .form("adviceReason=x&teams=DEFENCE")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/advice")
                        .with("id", "@random")
                        .form("adviceType=APPROVE&reasoning=x")
                        .expect("anon=302 adv=404 *=403"),
                row("POST /cases/{id}/advice")
                        .with("id", B_SUBMITTED)
                        .form("adviceType=APPROVE&reasoning=x")
                        .expect("anon=302 adv=404 *=403"),
                row("POST /cases/{id}/consolidation")
                        .with("id", "@random")
                        .form("summary=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/countersignature")
                        .with("id", "@random")
                        .form("verdict=accept&countersignReasons=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/appeal-officer")
                        .with("id", "@random")
                        .form("officer=00000000-0000-4000-8000-000000000001")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/appeal-decision")
                        .with("id", "@random")
                        .form("appealOutcome=APPROVED&appealReasons=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/notes")
                        .with("id", "@random")
                        .form("note=x")
                        .expect("anon=302 cw=404 so=404 adv=404 *=403"),
                row("GET /advice").expect("anon=302 adv=200 *=403"),
                // The case-working API: the same roles and the same 404 for a case that does not exist or is not
                // the caller's to see as the case pages (one rule, two doors).
                row("GET /api/v1/cases")
                        .expect("anon=401 cw=200 so=200 *=403"), // the team queue, case staff only, as /queues
                row("GET /api/v1/cases/{id}")
                        .with("id", B_SUBMITTED)
                        .expect("anon=401 cw=200 so=200 ov=200 aud=200 adv=404 *=403"),
                row("GET /api/v1/cases/{id}")
                        .with("id", "@random")
                        .expect("anon=401 cw=404 so=404 ov=404 aud=404 adv=404 *=403"),
                row("POST /api/v1/cases/{id}/assign")
                        .with("id", "@random")
                        .json("{}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/assignment")
                        .with("id", "@random")
                        .json("{\"officer\":\"00000000-0000-4000-a000-0000000000c1\"}")
                        .expect("anon=401 so=400 *=403"), // the officer named is checked first, as on /queues/assign
                row("POST /api/v1/cases/{id}/checks")
                        .with("id", "@random")
                        .json("{}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/information-request")
                        .with("id", "@random")
                        .json("{\"question\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/advice-request")
                        .with("id", "@random")
                        .json("{\"teams\":[\"DEFENCE\"],\"reason\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/advice")
                        .with("id", "@random")
                        .json("{\"type\":\"APPROVE\",\"reasoning\":\"x\"}")
                        .expect("anon=401 adv=404 *=403"),
                row("POST /api/v1/cases/{id}/advice")
                        .with("id", B_SUBMITTED)
                        .json("{\"type\":\"APPROVE\",\"reasoning\":\"x\"}")
                        .expect("anon=401 adv=404 *=403"),
                row("POST /api/v1/cases/{id}/consolidation")
                        .with("id", "@random")
                        .json("{\"summary\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/notes")
                        .with("id", "@random")
                        .json("{\"text\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 adv=404 *=403"),
                row("POST /api/v1/cases/{id}/decision")
                        .with("id", "@random")
                        .json("{\"outcome\":\"REFUSED\",\"reasons\":\"x\",\"criteria\":[\"UK_C1\"]}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/countersignature")
                        .with("id", "@random")
                        .json("{\"verdict\":\"COUNTERSIGN\",\"reasons\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/appeal-officer")
                        .with("id", "@random")
                        .json("{\"officer\":\"00000000-0000-4000-8000-000000000001\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/appeal-decision")
                        .with("id", "@random")
                        .json("{\"outcome\":\"APPROVED\",\"reasons\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/licence/suspension")
                        .with("id", "@random")
                        .json("{\"reason\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                // a caseworker may see cases, so a case that does not exist is 404 before reinstatement's senior role
                row("POST /api/v1/cases/{id}/licence/reinstatement")
                        .with("id", "@random")
                        .json("{\"reason\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                row("POST /api/v1/cases/{id}/licence/revocation")
                        .with("id", "@random")
                        .json("{\"reason\":\"x\"}")
                        .expect("anon=401 cw=404 so=404 *=403"),
                // Exporter actions on a submitted application: the owner's bad request is 400, the other exporter 404
                row("POST /applications/{id}/answer")
                        .with("id", B_SUBMITTED)
                        .form("answer=x")
                        .expect("anon=302 A=404 B=400 *=403"),
                row("POST /applications/{id}/withdraw")
                        .with("id", B_SUBMITTED)
                        .form("withdrawReason=")
                        .expect("anon=302 A=404 B=400 *=403"),
                row("POST /applications/{id}/appeal")
                        .with("id", B_SUBMITTED)
                        .form("grounds=x")
                        .expect("anon=302 A=404 B=400 *=403"),
                row("GET /applications/{id}/refusal-letter")
                        .with("id", B_SUBMITTED)
                        .expect("anon=302 A=404 B=404 *=403"),
                row("GET /applications/{id}/versions").with("id", B_SUBMITTED).expect("anon=302 A=404 B=200 *=403"),
                row("GET /applications/{id}/amend").with("id", B_SUBMITTED).expect("anon=302 A=404 B=200 *=403"),
                row("POST /applications/{id}/amend")
                        .with("id", B_SUBMITTED)
                        .form("amendReason=")
                        .expect("anon=302 A=404 B=400 *=403"),
                row("POST /api/v1/applications/{id}/information-response")
                        .with("id", B_SUBMITTED)
                        .json("{\"answer\":\"x\"}")
                        .expect("anon=401 A=404 B=400 *=403"),
                row("POST /api/v1/applications/{id}/amendments")
                        .with("id", B_SUBMITTED)
                        .json("{\"details\":{},\"reason\":\"x\"}")
                        .expect("anon=401 A=404 B=400 *=403"),
                row("GET /api/v1/applications/{id}/versions")
                        .with("id", B_SUBMITTED)
                        .expect("anon=401 A=404 B=200 *=403"),
                row("POST /api/v1/applications/{id}/withdrawal")
                        .with("id", "@random")
                        .json("{\"reason\":\"x\"}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("POST /api/v1/applications/{id}/appeal")
                        .with("id", B_SUBMITTED)
                        .json("{\"grounds\":\"x\"}")
                        .expect("anon=401 A=404 B=400 *=403"),
                // Team queues and the service-level dashboard (authority and oversight); the public version is open.
                row("GET /queues").expect("anon=302 cw=200 so=200 *=403"),
                row("POST /queues/assign")
                        .form("case=" + B_SUBMITTED + "&officer=00000000-0000-4000-a000-00000000ffff")
                        .expect("anon=302 so=400 *=403"),
                row("GET /service-levels").expect("anon=302 cw=200 so=200 ov=200 aud=200 *=403"),
                row("GET /transparency/service-levels").expect("anon=200 *=200"),
                // General authorisations: published terms for everyone signed in; registrations are the registrant's
                // (another exporter's answers 404), read by the authority and oversight.
                row("GET /api/v1/general-authorisations").expect("anon=401 *=200"),
                row("POST /api/v1/general-authorisations/{termsId}/registrations")
                        .with("termsId", "NO-SUCH-TERMS")
                        .json("{}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("GET /api/v1/general-authorisations/registrations")
                        .expect("anon=401 A=200 B=200 cw=200 so=200 ov=200 aud=200 *=403"),
                row("GET /api/v1/general-authorisations/registrations/{id}")
                        .with("id", "@random")
                        .expect("anon=401 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                row("POST /api/v1/general-authorisations/registrations/{id}/uses")
                        .with("id", "@random")
                        .json("{}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("GET /general-authorisations").expect("anon=302 *=200"),
                row("GET /general-authorisations/{termsId}")
                        .with("termsId", "PALLAS-GA-DEMO-001")
                        .expect("anon=302 *=200"),
                row("POST /general-authorisations/{termsId}/register")
                        .with("termsId", "NO-SUCH-TERMS")
                        .form("")
                        .expect("anon=302 A=404 B=404 *=403"),
                row("GET /general-authorisations/registrations/{id}")
                        .with("id", "@random")
                        .expect("anon=302 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                row("POST /general-authorisations/registrations/{id}/uses")
                        .with("id", "@random")
                        .form("")
                        .expect("anon=302 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                // Licences (LicenceLifecycleTests covers another organisation's real licence answering 404)
                row("GET /api/v1/licences").expect("anon=401 A=200 B=200 *=403"),
                row("GET /api/v1/licences/{id}").with("id", "@random").expect("anon=401 A=404 B=404 *=403"),
                row("GET /api/v1/licences/{id}/document").with("id", "@random").expect("anon=401 A=404 B=404 *=403"),
                row("POST /api/v1/licences/{id}/usage")
                        .with("id", "@random")
                        .json("{\"kind\":\"DELIVERIES\",\"quantity\":1,\"occurredOn\":\"2026-11-27\"}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("POST /api/v1/licences/{id}/surrender")
                        .with("id", "@random")
                        .json("{\"reason\":\"x\"}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("GET /licences").expect("anon=302 A=200 B=200 cw=200 so=200 ov=200 aud=200 *=403"),
                row("GET /licences/{id}")
                        .with("id", "@random")
                        .expect("anon=302 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                row("GET /licences/{id}/document.pdf")
                        .with("id", "@random")
                        .expect("anon=302 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                row("POST /licences/{id}/usage")
                        .with("id", "@random")
                        .form("kind=DELIVERIES&quantity=1&occurredOn=2026-11-27")
                        .expect("anon=302 A=404 B=404 *=403"),
                row("POST /licences/{id}/surrender")
                        .with("id", "@random")
                        .form("reason=x")
                        .expect("anon=302 A=404 B=404 *=403"),
                row("POST /licences/{id}/suspend")
                        .with("id", "@random")
                        .form("reason=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/reinstate")
                        .with("id", "@random")
                        .form("reason=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/revoke")
                        .with("id", "@random")
                        .form("reason=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/clear-flags")
                        .with("id", "@random")
                        .form("reason=x")
                        .expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/misuse")
                        .with("id", "@random")
                        .form("evidence=x")
                        .expect("anon=302 cw=404 *=403"),
                // Notifications: every signed-in user has their own; another user's is 404
                row("GET /notifications").expect("anon=302 *=200"),
                row("POST /notifications/read").form("").expect("anon=302 *=302"),
                row("POST /notifications/{id}/read")
                        .with("id", "@random")
                        .form("")
                        .expect("anon=302 *=404"));
    }
}
