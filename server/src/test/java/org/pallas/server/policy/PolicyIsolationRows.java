package org.pallas.server.policy;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * The policy endpoints in the isolation matrix. Assessment is stateless and open to exporters and the licensing
 * authority (not to oversight, audit, administration or civil society); the rulebook API is readable by every
 * signed-in caller, the rulebook pages by the authority, oversight and audit only.
 */
class PolicyIsolationRows implements IsolationRows {

    static final String FACTS = """
            {"reference":"matrix-{unique}","asOf":"2026-11-27",
             "product":{"name":"Network vulnerability scanner","classifications":[],"riskTier":1,"capabilities":[]},
             "parties":[{"role":"EXPORTER","name":"Albion Cyber Ltd","country":"GB"},
                        {"role":"END_USER","name":"Rhein Handelsbank AG","country":"DE","endUserType":"COMMERCIAL",
                         "sector":"FINANCIAL"}],
             "destinations":["DE"],
             "endUse":{"category":"PENETRATION_TESTING","statement":"Testing the bank's own network","targeted":true}}
            """;
    private static final String READERS_PAGE = "anon=302 A=403 B=403 cs=403 *=%d";

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                row("POST /api/v1/assessments").json(FACTS).expect("anon=401 ov=403 aud=403 adm=403 cs=403 *=200"),
                row("GET /api/v1/rulebook").expect("anon=401 *=200"),
                row("GET /api/v1/rulebook/changes").expect("anon=401 A=403 B=403 cs=403 *=200"),
                row("POST /api/v1/rulebook/changes")
                        .json("{\"file\":\"no-such-file.yaml\",\"content\":\"rules: []\","
                                + "\"newVersion\":\"matrix-{unique}\",\"reason\":\"matrix\"}")
                        .expect("anon=401 cw=400 so=400 *=403"),
                row("GET /api/v1/rulebook/changes/{id}").with("id", "@random").expect("anon=401 *=404"),
                row("POST /api/v1/rulebook/changes/{id}/approve")
                        .with("id", "@random")
                        .expect("anon=401 *=404"),
                row("POST /api/v1/rulebook/changes/{id}/reject")
                        .with("id", "@random")
                        .expect("anon=401 *=404"),
                row("GET /rulebook").expect(READERS_PAGE.formatted(200)),
                row("GET /rulebook/rules/{id}")
                        .with("id", "HS-SANCTIONED-PARTY")
                        .expect(READERS_PAGE.formatted(200)),
                row("GET /rulebook/rules/{id}").with("id", "NO-SUCH-RULE").expect(READERS_PAGE.formatted(404)));
    }
}
