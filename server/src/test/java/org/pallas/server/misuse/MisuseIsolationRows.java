package org.pallas.server.misuse;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * Misuse reports in the isolation matrix. Anyone may report and follow up with a receipt (a wrong one is 404 for
 * everyone); the authority's caseworkers and senior officers triage every report, oversight reads every report and
 * may not act (403), the demo civil-society organisation reads and writes on the report it filed under its name, and
 * everyone else, exporters above all, gets 404 for any report.
 */
class MisuseIsolationRows implements IsolationRows {

    private static final String ANONYMOUS = MisuseDemoSeed.ANONYMOUS_REPORT.toString();
    private static final String FILED_BY_CS = MisuseDemoSeed.CIVIL_SOCIETY_REPORT.toString();

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                // API: intake and follow-up are open to everyone
                row("POST /api/v1/misuse-reports")
                        .json("{\"discovery\":\"OTHER\",\"account\":\"Isolation matrix {unique}\"}")
                        .expect("*=201"),
                row("POST /api/v1/misuse-reports/follow-up")
                        .json("{\"receipt\":\"AAAA-BBBB-CCCC-DDDD\"}")
                        .expect("*=404"),
                row("POST /api/v1/misuse-reports/follow-up/messages")
                        .json("{\"receipt\":\"AAAA-BBBB-CCCC-DDDD\",\"text\":\"hello\"}")
                        .expect("*=404"),
                row("GET /api/v1/misuse-reports/statistics").expect("*=200"),
                // API: triage
                row("GET /api/v1/misuse-reports").expect("anon=401 cw=200 so=200 ov=200 cs=200 *=403"),
                row("GET /api/v1/misuse-reports/{id}")
                        .with("id", ANONYMOUS)
                        .expect("anon=401 cw=200 so=200 ov=200 *=404"),
                row("GET /api/v1/misuse-reports/{id}")
                        .with("id", FILED_BY_CS)
                        .expect("anon=401 cw=200 so=200 ov=200 cs=200 *=404"),
                row("GET /api/v1/misuse-reports/{id}").with("id", "@random").expect("anon=401 *=404"),
                row("POST /api/v1/misuse-reports/{id}/assessment")
                        .with("id", ANONYMOUS)
                        .json("{}")
                        .expect("anon=401 cw=400 so=400 ov=403 *=404"),
                row("POST /api/v1/misuse-reports/{id}/messages")
                        .with("id", FILED_BY_CS)
                        .json("{\"text\":\"\"}")
                        .expect("anon=401 cw=400 so=400 cs=400 ov=403 *=404"),
                // Pages: the public form and follow-up
                row("GET /report").expect("*=200"),
                row("POST /report").form("").expect("*=400"),
                row("GET /report/follow-up").expect("*=200"),
                row("POST /report/follow-up").form("receipt=AAAA-BBBB").expect("*=404"),
                row("POST /report/follow-up/messages")
                        .form("receipt=AAAA-BBBB&text=hello")
                        .expect("*=404"),
                // Pages: triage
                row("GET /misuse-reports").expect("anon=302 cw=200 so=200 ov=200 cs=200 *=403"),
                row("GET /misuse-reports/{id}").with("id", ANONYMOUS).expect("anon=302 cw=200 so=200 ov=200 *=404"),
                row("GET /misuse-reports/{id}")
                        .with("id", FILED_BY_CS)
                        .expect("anon=302 cw=200 so=200 ov=200 cs=200 *=404"),
                row("GET /misuse-reports/{id}/evidence/{position}")
                        .with("id", FILED_BY_CS)
                        .with("position", "0")
                        .expect("anon=302 cw=200 so=200 ov=200 cs=200 *=404"),
                row("POST /misuse-reports/{id}/assessment")
                        .with("id", ANONYMOUS)
                        .form("")
                        .expect("anon=302 cw=400 so=400 ov=403 *=404"),
                row("POST /misuse-reports/{id}/messages")
                        .with("id", FILED_BY_CS)
                        .form("text=")
                        .expect("anon=302 cw=400 so=400 cs=400 ov=403 *=404"));
    }
}
