package org.pallas.server.ledger;

import static org.pallas.server.IsolationRow.row;

import java.util.List;
import org.pallas.server.IsolationRow;
import org.pallas.server.IsolationRows;

/**
 * The ledger's endpoints in the isolation matrix. The tiles, the public entries, proofs and the ledger
 * page are public (anonymous too); full records only for auditors, oversight and administrators; the
 * integrity check's results for auditors, oversight and administrators, running it only for administrators.
 */
class LedgerIsolationRows implements IsolationRows {

    @Override
    public List<IsolationRow> rows() {
        return List.of(
                row("GET /ledger/checkpoint").expect("*=200"),
                row("GET /ledger/tile/{*path}").with("*path", "entries/000.p/1").expect("*=200"),
                row("GET /ledger/tile/{*path}").with("*path", "0/x999/999").expect("*=404"),
                row("GET /ledger/tile/{*path}").with("*path", "not-a-tile").expect("*=404"),
                row("GET /ledger").expect("*=200"),
                row("GET /ledger/entries/{index}").with("index", "0").expect("*=200"),
                row("GET /ledger/entries/{index}").with("index", "999999999").expect("*=404"),
                row("GET /api/v1/ledger/entries/{index}").with("index", "0").expect("*=200"),
                row("GET /api/v1/ledger/entries/{index}")
                        .with("index", "999999999")
                        .expect("*=404"),
                row("GET /api/v1/ledger/entries").expect("*=200"),
                // Without index and treeSize the proofs are bad requests, for everyone alike.
                row("GET /api/v1/ledger/proofs/inclusion").expect("*=400"),
                row("GET /api/v1/ledger/proofs/consistency").expect("*=400"),
                row("GET /api/v1/ledger/verifier-key").expect("*=200"),
                row("GET /api/v1/ledger/records/{index}")
                        .with("index", "0")
                        .expect("anon=401 aud=200 ov=200 adm=200 *=403"),
                row("GET /api/v1/ledger/integrity").expect("anon=401 aud=200 ov=200 adm=200 *=403"),
                row("GET /integrity").expect("anon=302 aud=200 ov=200 adm=200 *=403"),
                row("GET /admin/ledger/integrity").expect("anon=302 adm=200 *=403"),
                row("POST /admin/ledger/integrity").expect("anon=302 adm=200 *=403"));
    }
}
