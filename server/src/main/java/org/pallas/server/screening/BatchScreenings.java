package org.pallas.server.screening;

import jakarta.annotation.PreDestroy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningResult;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch screening jobs from the batch page: a parsed file is stored as a job in PostgreSQL and screened on a
 * bounded background executor ({@code pallas.screening.batch.workers} threads, at most
 * {@code pallas.screening.batch.queue} jobs waiting; more are refused). Progress and every result row (with
 * the list versions it used) are written as the job runs, so any instance can show them. Jobs belong to the
 * organisation of the user who started them; other organisations get 404. The finished run is recorded as a
 * search of the organisation (one {@code screening-search} row with the job's id, and so on the ledger).
 */
@Service
class BatchScreenings {

    private static final Logger log = LoggerFactory.getLogger(BatchScreenings.class);
    private static final int PROGRESS_EVERY = 25;

    /** Where a job is in its life. */
    enum BatchStatus {
        RUNNING,
        FINISHED,
        FAILED
    }

    record Job(
            UUID id,
            UUID organisationId,
            UUID userId,
            Instant createdAt,
            String fileName,
            int total,
            int done,
            int alerts,
            int errors,
            Instant finishedAt,
            String failure) {
        public BatchStatus status() {
            return finishedAt == null
                    ? BatchStatus.RUNNING
                    : failure == null ? BatchStatus.FINISHED : BatchStatus.FAILED;
        }

        public boolean running() {
            return status() == BatchStatus.RUNNING;
        }

        public int percent() {
            return total == 0 ? 100 : (int) (100L * done / total);
        }
    }

    record Result(
            int line,
            String name,
            String bestMatch,
            String source,
            String entryId,
            Double score,
            boolean alert,
            List<String> explanation,
            String error,
            List<String> listVersions) {}

    private final RestrictedPartyScreening screening;
    private final Searches searches;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    final long maxBytes;
    final int maxRows;

    BatchScreenings(
            RestrictedPartyScreening screening,
            Searches searches,
            JdbcClient jdbc,
            JsonMapper json,
            Clock clock,
            @Value("${pallas.screening.batch.max-bytes:5242880}") long maxBytes,
            @Value("${pallas.screening.batch.max-rows:20000}") int maxRows,
            @Value("${pallas.screening.batch.workers:1}") int workers,
            @Value("${pallas.screening.batch.queue:4}") int queue) {
        this.screening = screening;
        this.searches = searches;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                workers, workers, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "screening-batch-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    /** Stores the job with the malformed rows already reported, and queues the screening of the valid rows. */
    UUID start(Caller caller, String fileName, BatchFile file) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        UUID id = UUID.randomUUID();
        List<BatchFile.Row> malformed =
                file.rows().stream().filter(r -> !r.valid()).toList();
        jdbc.sql("""
                insert into screening_batch_job (id, organisation_id, user_id, created_at, file_name, total, done, errors)
                values (:id, :org, :user, :at, :file, :total, :done, :errors)""")
                .param("id", id)
                .param("org", caller.organisationId())
                .param("user", caller.userId())
                .param("at", Timestamp.from(clock.instant()))
                .param("file", fileName == null || fileName.isBlank() ? "upload" : fileName)
                .param("total", file.rows().size())
                .param("done", malformed.size())
                .param("errors", malformed.size())
                .update();
        for (BatchFile.Row row : malformed) {
            jdbc.sql(
                            "insert into screening_batch_result (job_id, line, name, error) values (:job, :line, :name, :error)")
                    .param("job", id)
                    .param("line", row.line())
                    .param("name", row.name())
                    .param("error", row.error())
                    .update();
        }
        try {
            executor.execute(() -> run(caller, id, fileName, file));
        } catch (RejectedExecutionException e) {
            jdbc.sql("delete from screening_batch_job where id = :id")
                    .param("id", id)
                    .update();
            throw new InvalidInputException("file", "Too many batches are waiting to run; try again in a few minutes");
        }
        return id;
    }

    /**
     * Starts a job from an API request body (CSV, or NDJSON by its content type); a file that cannot be read at
     * all is a 400 naming the body, its malformed rows are reported in the job's results.
     */
    UUID startFromApi(Caller caller, String contentType, byte[] body) {
        boolean ndjson = String.valueOf(contentType).toLowerCase(Locale.ROOT).startsWith("application/x-ndjson");
        String fileName = ndjson ? "api.ndjson" : "api.csv";
        try {
            return start(caller, fileName, BatchFile.parse(fileName, body, maxBytes, maxRows, json));
        } catch (BatchFile.Rejected e) {
            throw new InvalidInputException("body", e.getMessage());
        }
    }

    private void run(Caller caller, UUID id, String fileName, BatchFile file) {
        int done = file.rows().size() - file.valid();
        int alerts = 0;
        int matches = 0;
        List<String> versions = List.of();
        try {
            for (BatchFile.Row row : file.rows()) {
                if (!row.valid()) {
                    continue;
                }
                ScreeningResult result = screening.search(row.query());
                versions = result.listVersions();
                ScreeningMatch best =
                        result.matches().isEmpty() ? null : result.matches().get(0);
                boolean alert = result.matches().stream().anyMatch(ScreeningMatch::alert);
                matches += result.matches().size();
                alerts += alert ? 1 : 0;
                jdbc.sql("""
                        insert into screening_batch_result (job_id, line, name, best_match, source, entry_id, score, alert,
                            explanation, list_versions)
                        values (:job, :line, :name, :best, :source, :entry, :score, :alert, :explanation, :versions)""")
                        .param("job", id)
                        .param("line", row.line())
                        .param("name", row.query().name())
                        .param("best", best == null ? null : best.listedName())
                        .param("source", best == null ? null : best.source())
                        .param("entry", best == null ? null : best.entryId())
                        .param("score", best == null ? null : best.score())
                        .param("alert", alert)
                        .param("explanation", best == null ? null : String.join("\n", best.explanation()))
                        .param("versions", String.join("\n", result.listVersions()))
                        .update();
                done++;
                if (done % PROGRESS_EVERY == 0) {
                    progress(id, done, alerts);
                }
            }
            progress(id, done, alerts);
            searches.recordBatch(
                    caller,
                    id,
                    "(batch " + fileName + ": " + file.rows().size() + " names)",
                    versions,
                    matches,
                    alerts);
            jdbc.sql("update screening_batch_job set finished_at = :at where id = :id")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("id", id)
                    .update();
        } catch (RuntimeException e) {
            log.error("Batch screening job {} failed after {} rows", id, done, e);
            jdbc.sql("update screening_batch_job set finished_at = :at, failure = :failure where id = :id")
                    .param("at", Timestamp.from(clock.instant()))
                    .param(
                            "failure",
                            "The batch stopped after " + done + " rows because of an internal error; start it again.")
                    .param("id", id)
                    .update();
        }
    }

    private void progress(UUID id, int done, int alerts) {
        jdbc.sql("update screening_batch_job set done = :done, alerts = :alerts where id = :id")
                .param("done", done)
                .param("alerts", alerts)
                .param("id", id)
                .update();
    }

    /** A job of the caller's organisation; 404 for any other. */
    Job find(Caller caller, UUID id) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        return jdbc.sql("select * from screening_batch_job where id = :id and organisation_id = :org")
                .param("id", id)
                .param("org", caller.organisationId())
                .query(BatchScreenings::job)
                .optional()
                .orElseThrow(() -> new NotFoundException("Batch screening job", id));
    }

    /** The organisation's recent jobs, newest first. */
    List<Job> recent(Caller caller) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        return jdbc.sql(
                        "select * from screening_batch_job where organisation_id = :org order by created_at desc, id limit 20")
                .param("org", caller.organisationId())
                .query(BatchScreenings::job)
                .list();
    }

    /** Every result row of a job the caller may see, in line order. */
    List<Result> results(Caller caller, UUID id) {
        find(caller, id);
        return jdbc.sql("select * from screening_batch_result where job_id = :id order by line")
                .param("id", id)
                .query((rs, n) -> new Result(
                        rs.getInt("line"),
                        rs.getString("name"),
                        rs.getString("best_match"),
                        rs.getString("source"),
                        rs.getString("entry_id"),
                        (Double) rs.getObject("score"),
                        rs.getBoolean("alert"),
                        PartyRegister.lines(rs.getString("explanation")),
                        rs.getString("error"),
                        PartyRegister.lines(rs.getString("list_versions"))))
                .list();
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new Job(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("file_name"),
                rs.getInt("total"),
                rs.getInt("done"),
                rs.getInt("alerts"),
                rs.getInt("errors"),
                finished == null ? null : finished.toInstant(),
                rs.getString("failure"));
    }
}
