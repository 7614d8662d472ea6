package org.pallas.server.web;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/** The web shell's endpoints in the isolation matrix. */
class WebIsolationRows implements IsolationRows {

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                row("GET /").expect("anon=302 *=200"),
                // Called directly (not as an error dispatch) there is no error to show: not found, for everyone.
                row("GET /error").expect("*=404"));
    }
}
