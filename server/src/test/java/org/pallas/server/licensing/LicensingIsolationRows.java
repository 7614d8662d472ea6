package org.pallas.server.licensing;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * Licensing in the isolation matrix. Applications are exporters' own (another exporter's answers 404; everyone else
 * 403, the authority reads cases through the case pages); cases are for caseworkers and senior officers only.
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
                row("POST /api/v1/applications").json("{\"type\":\"INDIVIDUAL\"}").expect("anon=401 A=201 B=201 *=403"),
                row("GET /api/v1/applications/{id}").with("id", B_SUBMITTED).expect("anon=401 A=404 B=200 *=403"),
                row("GET /api/v1/applications/{id}").with("id", A_SUBMITTED).expect("anon=401 A=200 B=404 *=403"),
                row("GET /api/v1/applications/{id}").with("id", "@random").expect("anon=401 A=404 B=404 *=403"),
                row("PUT /api/v1/applications/{id}").with("id", B_DRAFT).json("{\"type\":\"INDIVIDUAL\"}")
                        .expect("anon=401 A=404 B=200 *=403"),
                row("PUT /api/v1/applications/{id}/undertaking").with("id", B_DRAFT).json("{\"not\":\"a pdf\"}")
                        .expect("anon=401 A=404 B=400 *=403"),
                row("POST /api/v1/applications/{id}/submit").with("id", B_SUBMITTED).expect("anon=401 A=404 B=400 *=403"),
                // Exporter pages
                row("GET /applications").expect("anon=302 A=200 B=200 *=403"),
                row("POST /applications").form("").expect("anon=302 A=302 B=302 *=403"),
                row("GET /applications/{id}").with("id", B_SUBMITTED).expect("anon=302 A=404 B=200 *=403"),
                row("GET /applications/{id}/edit").with("id", B_DRAFT).expect("anon=302 A=404 B=200 *=403"),
                row("POST /applications/{id}/edit").with("id", B_DRAFT).form("productName=Calder+Mobile+Extract")
                        .expect("anon=302 A=404 B=200 *=403"),
                row("POST /applications/{id}/undertaking").with("id", B_DRAFT).form("")
                        .expect("anon=302 A=404 B=400 *=403"),
                row("POST /applications/{id}/submit").with("id", B_SUBMITTED).expect("anon=302 A=404 B=400 *=403"),
                // Authority pages
                row("GET /cases").expect("anon=302 cw=200 so=200 *=403"),
                row("GET /cases/{id}").with("id", B_SUBMITTED).expect("anon=302 cw=200 so=200 *=403"),
                row("GET /cases/{id}").with("id", "@random").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/assign").with("id", "@random").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/checks").with("id", "@random").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /cases/{id}/decision").with("id", "@random").form("outcome=REFUSED&reasons=x&criteria=UK_C1")
                        .expect("anon=302 cw=404 so=404 *=403"),
                // Licences (LicenceLifecycleTests covers another organisation's real licence answering 404)
                row("GET /api/v1/licences").expect("anon=401 A=200 B=200 *=403"),
                row("GET /api/v1/licences/{id}").with("id", "@random").expect("anon=401 A=404 B=404 *=403"),
                row("GET /api/v1/licences/{id}/document").with("id", "@random").expect("anon=401 A=404 B=404 *=403"),
                row("POST /api/v1/licences/{id}/usage").with("id", "@random")
                        .json("{\"kind\":\"DELIVERIES\",\"quantity\":1,\"occurredOn\":\"2026-11-27\"}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("POST /api/v1/licences/{id}/surrender").with("id", "@random").json("{\"reason\":\"x\"}")
                        .expect("anon=401 A=404 B=404 *=403"),
                row("GET /licences").expect("anon=302 A=200 B=200 cw=200 so=200 ov=200 aud=200 *=403"),
                row("GET /licences/{id}").with("id", "@random").expect("anon=302 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                row("GET /licences/{id}/document.pdf").with("id", "@random")
                        .expect("anon=302 A=404 B=404 cw=404 so=404 ov=404 aud=404 *=403"),
                row("POST /licences/{id}/usage").with("id", "@random").form("kind=DELIVERIES&quantity=1&occurredOn=2026-11-27")
                        .expect("anon=302 A=404 B=404 *=403"),
                row("POST /licences/{id}/surrender").with("id", "@random").form("reason=x").expect("anon=302 A=404 B=404 *=403"),
                row("POST /licences/{id}/suspend").with("id", "@random").form("reason=x").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/reinstate").with("id", "@random").form("reason=x").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/revoke").with("id", "@random").form("reason=x").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/clear-flags").with("id", "@random").form("reason=x").expect("anon=302 cw=404 so=404 *=403"),
                row("POST /licences/{id}/misuse").with("id", "@random").form("evidence=x").expect("anon=302 cw=404 *=403"),
                // Notifications: every signed-in user has their own; another user's is 404
                row("GET /notifications").expect("anon=302 *=200"),
                row("POST /notifications/read").form("").expect("anon=302 *=302"),
                row("POST /notifications/{id}/read").with("id", "@random").form("").expect("anon=302 *=404"));
    }
}
