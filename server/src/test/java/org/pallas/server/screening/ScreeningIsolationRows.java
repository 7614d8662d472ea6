package org.pallas.server.screening;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * Screening in the isolation matrix. Screeners (exporters and the authority's caseworkers, advisers and
 * senior officers) search; oversight also reads parties and alerts; auditors, administrators and civil
 * society get 403. An exporter gets 404 for the other exporter's party; changes and decisions stay with
 * the owning organisation (403 for the authority).
 */
class ScreeningIsolationRows implements IsolationRows {

    private static final String PARTY_A = ScreeningDemoSeed.PARTY_A.toString();
    private static final String PARTY_B = ScreeningDemoSeed.PARTY_B.toString();
    private static final String SCREEN = "anon=401 A=%1$d B=%1$d cw=%1$d adv=%1$d so=%1$d *=403";
    private static final String SCREEN_PAGE = "anon=302 A=%1$d B=%1$d cw=%1$d adv=%1$d so=%1$d *=403";
    private static final String READ = "anon=401 A=%1$d B=%1$d cw=%1$d adv=%1$d so=%1$d ov=%1$d *=403";
    private static final String READ_PAGE = "anon=302 A=%1$d B=%1$d cw=%1$d adv=%1$d so=%1$d ov=%1$d *=403";

    @Override
    public List<IsolationRow> rows() {
        String party = "{\"name\":\"Matrix Party {unique}\",\"kind\":\"organisation\",\"country\":\"FR\"}";
        return List.of(
                // API
                row("POST /api/v1/screening/search")
                        .json("{\"name\":\"Intelexa\",\"kind\":\"organisation\"}")
                        .expect(SCREEN.formatted(200)),
                row("POST /api/v1/screening/batch")
                        .json("{\"name\":\"Intelexa\"}")
                        .expect(SCREEN.formatted(200)),
                // Batch jobs: each screener's job is its organisation's (cross-tenant 404 in BatchScreeningApiTests)
                row("POST /api/v1/screening/batch-jobs")
                        .body("text/csv", "name,kind\nIntelexa,organisation\n")
                        .expect(SCREEN.formatted(202)),
                row("POST /api/v1/screening/batch-jobs")
                        .json("{\"name\":\"Intelexa\"}")
                        .expect("anon=401 *=415"),
                row("GET /api/v1/screening/batch-jobs/{id}")
                        .with("id", "@random")
                        .expect(SCREEN.formatted(404)),
                row("GET /api/v1/screening/batch-jobs/{id}/results")
                        .with("id", "@random")
                        .expect(SCREEN.formatted(404)),
                row("GET /api/v1/screening/lists").expect("anon=401 *=200"),
                row("POST /api/v1/screening/lists/{source}")
                        .with("source", "MATRIX-LIST")
                        .json("{}")
                        .expect("anon=401 adm=400 *=403"),
                row("GET /api/v1/screening/searches").expect(READ.formatted(200)),
                row("GET /api/v1/screening/parties").expect(READ.formatted(200)),
                row("POST /api/v1/screening/parties").json(party).expect(SCREEN.formatted(201)),
                row("GET /api/v1/screening/parties/{id}")
                        .with("id", PARTY_B)
                        .expect(READ.formatted(200).replace("A=200", "A=404")),
                row("GET /api/v1/screening/parties/{id}")
                        .with("id", PARTY_A)
                        .expect(READ.formatted(200).replace("B=200", "B=404")),
                row("GET /api/v1/screening/parties/{id}").with("id", "@random").expect(READ.formatted(404)),
                row("PUT /api/v1/screening/parties/{id}")
                        .with("id", PARTY_B)
                        .json("{\"name\":\"Cytrox Holdings\",\"kind\":\"organisation\",\"reference\":\"K-17\"}")
                        .expect("anon=401 A=404 B=200 *=403"),
                row("GET /api/v1/screening/parties/{id}/screenings")
                        .with("id", PARTY_A)
                        .expect(READ.formatted(200).replace("B=200", "B=404")),
                row("GET /api/v1/screening/alerts").expect(READ.formatted(200)),
                row("GET /api/v1/screening/alerts/{id}").with("id", "@random").expect(READ.formatted(404)),
                row("POST /api/v1/screening/alerts/{id}/confirm")
                        .with("id", "@random")
                        .json("{}")
                        .expect(SCREEN.formatted(404)),
                row("POST /api/v1/screening/alerts/{id}/clear")
                        .with("id", "@random")
                        .json("{\"reason\":\"matrix\"}")
                        .expect(SCREEN.formatted(404)),
                // Pages
                row("GET /screening").expect(SCREEN_PAGE.formatted(200)),
                row("POST /screening").form("name=Intelexa&kind=organisation").expect(SCREEN_PAGE.formatted(200)),
                row("GET /screening/lists").expect("anon=302 *=200"),
                row("GET /screening/parties").expect(READ_PAGE.formatted(200)),
                row("POST /screening/parties")
                        .form("name=Matrix+Page+Party+{unique}&kind=organisation")
                        .expect(SCREEN_PAGE.formatted(302)),
                row("GET /screening/parties/{id}")
                        .with("id", PARTY_A)
                        .expect(READ_PAGE.formatted(200).replace("B=200", "B=404")),
                row("GET /screening/parties/{id}")
                        .with("id", PARTY_B)
                        .expect(READ_PAGE.formatted(200).replace("A=200", "A=404")),
                row("GET /screening/alerts").expect(READ_PAGE.formatted(200)),
                row("POST /screening/alerts/{id}/confirm")
                        .with("id", "@random")
                        .form("note=")
                        .expect(SCREEN_PAGE.formatted(404)),
                row("POST /screening/alerts/{id}/clear")
                        .with("id", "@random")
                        .form("reason=matrix")
                        .expect(SCREEN_PAGE.formatted(404)),
                // Batch screening pages: a job is visible to its organisation only (cross-tenant 404 in
                // BatchScreeningTests)
                row("GET /screening/batch").expect(SCREEN_PAGE.formatted(200)),
                row("POST /screening/batch").form("note=no+file").expect(SCREEN_PAGE.formatted(200)),
                row("GET /screening/batch/{id}").with("id", "@random").expect(SCREEN_PAGE.formatted(404)),
                row("GET /screening/batch/{id}/results.ndjson")
                        .with("id", "@random")
                        .expect(SCREEN_PAGE.formatted(404)),
                row("GET /screening/batch/{id}/results.csv")
                        .with("id", "@random")
                        .expect(SCREEN_PAGE.formatted(404)));
    }
}
