package org.pallas.server.classification;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * Classification's endpoints in the isolation matrix. Exporter A and exporter B never see each other's
 * products, requests or ratings (404, as for an id that does not exist); civil society sees none;
 * only the owning exporter changes a product or sends it; only a caseworker or senior officer decides.
 * Fixtures are the demo products of {@link ClassificationDemoSeed}.
 */
class ClassificationIsolationRows implements IsolationRows {

    private static final String A_PLATFORM = ClassificationDemoSeed.NORTHBRIDGE_PLATFORM.toString();
    private static final String A_DPI = ClassificationDemoSeed.NORTHBRIDGE_DPI.toString();
    private static final String B_EXTRACT = ClassificationDemoSeed.CALDER_EXTRACT.toString();
    private static final String A_REQUEST = ClassificationDemoSeed.NORTHBRIDGE_PLATFORM_REQUEST.toString();
    private static final String B_REQUEST = ClassificationDemoSeed.CALDER_EXTRACT_REQUEST.toString();

    private static final String B_EXTRACT_JSON =
            "{\"name\":\"Calder Extract Field Kit\",\"reference\":\"CX-7\",\"answers\":{"
                    + "\"item_kind\":[\"forensic_extraction\"],\"item_forms\":[\"hardware\",\"software\"],\"extraction_method\":[\"exploit_based\"],"
                    + "\"evades_monitoring\":[\"no\"],\"defeats_countermeasures\":[\"yes\"],\"payload_effects\":[\"extracts_data\"],"
                    + "\"published\":[\"no\"],\"encryption_cat5p2\":[\"no\"],\"target_platforms\":[\"ios\",\"android\"],"
                    + "\"data_collected\":[\"messages\",\"files\",\"contacts\",\"location\"],\"safeguards\":[\"tamper_proof_audit_log\"],"
                    + "\"update_channel\":[\"customer_installed\"],\"covert\":[\"no\"],\"natural_persons\":[\"yes\"],\"ict_data\":[\"yes\"],"
                    + "\"surveillance_design\":[\"no\"]}}";

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                // API: stateless and reference data, for everyone signed in
                row("GET /api/v1/classification/questionnaire").expect("anon=401 *=200"),
                row("POST /api/v1/classification/assess")
                        .json("{\"answers\":{\"item_kind\":[\"other\"],\"excluded_category\":[\"debugger\"]}}")
                        .expect("anon=401 *=200"),
                row("GET /api/v1/control-list").expect("anon=401 *=200"),
                // API: the product register
                row("GET /api/v1/products").expect("anon=401 *=200"),
                row("POST /api/v1/products")
                        .json("{\"name\":\"Matrix product {unique}\",\"answers\":{\"item_kind\":[\"exploit\"]}}")
                        .expect("anon=401 A=201 B=201 *=403"),
                row("GET /api/v1/products/{id}").with("id", A_PLATFORM).expect("anon=401 B=404 cs=404 *=200"),
                row("GET /api/v1/products/{id}").with("id", B_EXTRACT).expect("anon=401 A=404 cs=404 *=200"),
                row("GET /api/v1/products/{id}").with("id", "@random").expect("anon=401 *=404"),
                row("PUT /api/v1/products/{id}")
                        .with("id", B_EXTRACT)
                        .json(B_EXTRACT_JSON)
                        .expect("anon=401 B=200 A=404 cs=404 *=403"),
                row("GET /api/v1/products/{id}/versions").with("id", A_PLATFORM).expect("anon=401 B=404 cs=404 *=200"),
                row("GET /api/v1/products/{id}/rating").with("id", B_EXTRACT).expect("anon=401 A=404 cs=404 *=200"),
                row("GET /api/v1/products/{id}/rating").with("id", A_DPI).expect("anon=401 *=404"),
                row("GET /api/v1/products/{id}/classification-requests")
                        .with("id", B_EXTRACT)
                        .expect("anon=401 A=404 cs=404 *=200"),
                row("POST /api/v1/products/{id}/classification-requests")
                        .with("id", A_DPI)
                        .json("{\"note\":\"matrix\"}")
                        .expect("anon=401 A=201 B=404 cs=404 *=403"),
                row("POST /api/v1/products/{id}/classification-requests")
                        .with("id", "@random")
                        .json("{}")
                        .expect("anon=401 *=404"),
                // API: requests and the caseworker's decision (invalid body: no state change, only who gets how far)
                row("GET /api/v1/classification-requests").expect("anon=401 *=200"),
                row("GET /api/v1/classification-requests/{id}")
                        .with("id", A_REQUEST)
                        .expect("anon=401 B=404 cs=404 *=200"),
                row("GET /api/v1/classification-requests/{id}")
                        .with("id", B_REQUEST)
                        .expect("anon=401 A=404 cs=404 *=200"),
                row("POST /api/v1/classification-requests/{id}/decision")
                        .with("id", A_REQUEST)
                        .json("{\"decision\":\"CONFIRM\"}")
                        .expect("anon=401 B=404 cs=404 cw=400 so=400 *=403"),
                row("POST /api/v1/classification-requests/{id}/decision")
                        .with("id", "@random")
                        .json("{}")
                        .expect("anon=401 *=404"),
                // Pages
                row("GET /control-list").expect("anon=302 *=200"),
                row("GET /products").expect("anon=302 *=200"),
                row("GET /products/new").expect("anon=302 A=200 B=200 *=403"),
                row("POST /products/new")
                        .form("name=Matrix&item_kind=exploit&action=continue")
                        .expect("anon=302 A=200 B=200 *=403"),
                row("GET /products/{id}").with("id", A_PLATFORM).expect("anon=302 B=404 cs=404 *=200"),
                row("GET /products/{id}").with("id", B_EXTRACT).expect("anon=302 A=404 cs=404 *=200"),
                row("GET /products/{id}/edit").with("id", A_PLATFORM).expect("anon=302 A=200 B=404 cs=404 *=403"),
                row("POST /products/{id}/edit")
                        .with("id", A_PLATFORM)
                        .form("name=Lighthouse&item_kind=exploit&action=continue")
                        .expect("anon=302 A=200 B=404 cs=404 *=403"),
                row("POST /products/{id}/classification-requests")
                        .with("id", A_PLATFORM)
                        .form("note=again")
                        .expect("anon=302 A=302 B=404 cs=404 *=403"),
                row("GET /classification/requests").expect("anon=302 *=200"),
                row("GET /classification/requests/{id}").with("id", A_REQUEST).expect("anon=302 B=404 cs=404 *=200"),
                row("GET /classification/requests/{id}").with("id", B_REQUEST).expect("anon=302 A=404 cs=404 *=200"),
                row("POST /classification/requests/{id}/decision")
                        .with("id", A_REQUEST)
                        .form("decision=confirm")
                        .expect("anon=302 B=404 cs=404 cw=200 so=200 *=403"));
    }
}
