package org.pallas.server.platform;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/** Operations and API documentation: public except the metrics, which only an administrator reads. */
class PlatformIsolationRows implements IsolationRows {

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                row("GET /actuator/health").expect("*=200"),
                row("GET /actuator/health/liveness").expect("*=200"),
                row("GET /actuator/health/readiness").expect("*=200"),
                row("GET /actuator/prometheus").expect("anon=401 adm=200 *=403"),
                row("GET /v3/api-docs").expect("*=200"),
                row("GET /v3/api-docs.yaml").expect("*=200"),
                row("GET /v3/api-docs/swagger-config").expect("*=200"),
                row("GET /swagger-ui.html").expect("*=302"));
    }
}
