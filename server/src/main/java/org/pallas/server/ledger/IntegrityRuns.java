package org.pallas.server.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The integrity check's results ({@code ledger_integrity_run}), shared by every instance: whichever ran the check,
 * all of them report the same health and show the same page.
 */
@Repository
class IntegrityRuns {

    /** At most this many discrepancies are kept per run (the count is kept whole). */
    static final int KEPT = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    IntegrityRuns(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(IntegrityCheck.Report report, Instant startedAt) {
        List<IntegrityCheck.Discrepancy> kept =
                report.discrepancies().size() > KEPT ? report.discrepancies().subList(0, KEPT) : report.discrepancies();
        jdbc.sql("""
                insert into ledger_integrity_run (kind, started_at, finished_at, entries, rows_checked, discrepancies, findings)
                values (:kind, :started, :finished, :entries, :rows, :count, cast(:findings as jsonb))""")
                .param("kind", report.kind().name())
                .param("started", Timestamp.from(startedAt))
                .param("finished", Timestamp.from(report.checkedAt()))
                .param("entries", report.entries())
                .param("rows", report.rows())
                .param("count", report.discrepancyCount())
                .param("findings", json.writeValueAsString(kept))
                .update();
    }

    /** The latest run of any kind. */
    Optional<IntegrityCheck.Report> latest() {
        return recent(1).stream().findFirst();
    }

    List<IntegrityCheck.Report> recent(int limit) {
        return jdbc.sql("select * from ledger_integrity_run order by id desc limit :limit")
                .param("limit", limit)
                .query(this::report)
                .list();
    }

    /** The latest full run and every run after it, newest first (all runs before the first full one). */
    List<IntegrityCheck.Report> sinceLastFull() {
        return jdbc.sql("""
                select * from ledger_integrity_run
                where id >= coalesce((select max(id) from ledger_integrity_run where kind = 'FULL'), 0)
                order by id desc""").query(this::report).list();
    }

    /** When the latest full run finished, by any instance. */
    Optional<Instant> lastFull() {
        return jdbc.sql("select finished_at from ledger_integrity_run where kind = 'FULL' order by id desc limit 1")
                .query((rs, n) -> rs.getTimestamp(1).toInstant())
                .optional();
    }

    private IntegrityCheck.Report report(ResultSet rs, int row) throws SQLException {
        IntegrityCheck.Discrepancy[] findings =
                json.readValue(rs.getString("findings"), IntegrityCheck.Discrepancy[].class);
        return new IntegrityCheck.Report(
                rs.getLong("id"),
                IntegrityCheck.Kind.valueOf(rs.getString("kind")),
                rs.getTimestamp("finished_at").toInstant(),
                rs.getLong("entries"),
                rs.getLong("rows_checked"),
                rs.getInt("discrepancies"),
                List.of(findings));
    }
}
