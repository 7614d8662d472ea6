package org.pallas.server.screening;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Batch screening as a job (issue 13: a large batch must not hold a request, or a thread of the server, for
 * minutes): the file is checked and stored at once (202 with the job's Location), screened in the background,
 * and its progress and results read while it runs. The same jobs as the batch page, so a job started here is
 * listed there too. Jobs belong to the caller's organisation; anyone else gets 404.
 */
@RestController
@RequestMapping("/api/v1/screening/batch-jobs")
@Tag(name = "Screening", description = "Restricted-party screening, list versions, parties and alerts")
class BatchScreeningApi {

    private final BatchScreenings batches;
    private final JsonMapper json;

    BatchScreeningApi(BatchScreenings batches, JsonMapper json) {
        this.batches = batches;
        this.json = json;
    }

    /** A job as the API shows it: where it is and where its results are. */
    record BatchJob(
            UUID id,
            BatchScreenings.BatchStatus status,
            String fileName,
            Instant createdAt,
            Instant finishedAt,
            int total,
            int done,
            int percent,
            int alerts,
            int errors,
            String failure,
            URI results) {
        static BatchJob of(BatchScreenings.Job job) {
            return new BatchJob(
                    job.id(),
                    job.status(),
                    job.fileName(),
                    job.createdAt(),
                    job.finishedAt(),
                    job.total(),
                    job.done(),
                    job.percent(),
                    job.alerts(),
                    job.errors(),
                    job.failure(),
                    URI.create("/api/v1/screening/batch-jobs/" + job.id() + "/results"));
        }
    }

    @PostMapping(
            consumes = {"text/csv", "application/x-ndjson"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Start a batch screening job: CSV (header name,kind,country,birthDate,identifiers) or NDJSON of "
                    + "search requests; 202 with the job, whose Location shows progress; malformed rows are reported "
                    + "in the results, a file that cannot be read at all is a 400",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "One row per name; at most pallas.screening.batch.max-rows rows and "
                                    + "pallas.screening.batch.max-bytes bytes",
                            content = {
                                @Content(
                                        mediaType = "text/csv",
                                        schema = @Schema(type = "string"),
                                        examples =
                                                @ExampleObject(
                                                        value = "name,kind,country,birthDate\n"
                                                                + "Intellexa S.A.,organisation,GR,\n")),
                                @Content(
                                        mediaType = "application/x-ndjson",
                                        schema = @Schema(type = "string"),
                                        examples =
                                                @ExampleObject(
                                                        value =
                                                                "{\"name\": \"Intellexa S.A.\", \"kind\": \"organisation\", \"country\": \"GR\"}\n"))
                            }))
    ResponseEntity<BatchJob> start(HttpServletRequest request) throws IOException {
        Caller caller = Caller.current();
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        return accepted(batches.find(caller, batches.startFromApi(caller, request.getContentType(), read(request))));
    }

    static ResponseEntity<BatchJob> accepted(BatchScreenings.Job job) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/v1/screening/batch-jobs/" + job.id()))
                .body(BatchJob.of(job));
    }

    private byte[] read(HttpServletRequest request) throws IOException {
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, batches.maxBytes + 1));
        if (body.length > batches.maxBytes) {
            throw new InvalidInputException(
                    "body", "The file is larger than the limit of " + batches.maxBytes + " bytes");
        }
        return body;
    }

    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A batch job of your organisation: status, rows done of total, alerts and errors so far")
    BatchJob job(@PathVariable UUID id) {
        return BatchJob.of(batches.find(Caller.current(), id));
    }

    @GetMapping(path = "/{id}/results", produces = "application/x-ndjson")
    @Operation(
            summary = "The job's results so far, one NDJSON line per input row in line order: the best match with its "
                    + "score, explanation and the list versions used, or the row's error")
    void results(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        List<BatchScreenings.Result> results = batches.results(Caller.current(), id);
        response.setContentType(ScreeningApi.NDJSON.toString());
        response.setCharacterEncoding("UTF-8");
        OutputStream out = response.getOutputStream();
        for (BatchScreenings.Result result : results) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("line", result.line());
            line.put("name", result.name());
            if (result.error() != null) {
                line.put("error", result.error());
            } else {
                line.put("alert", result.alert());
                line.put("listVersions", result.listVersions());
                if (result.entryId() != null) {
                    Map<String, Object> best = new LinkedHashMap<>();
                    best.put("entryId", result.entryId());
                    best.put("source", result.source());
                    best.put("listedName", result.bestMatch());
                    best.put("score", result.score());
                    best.put("explanation", result.explanation());
                    line.put("bestMatch", best);
                }
            }
            out.write(json.writeValueAsBytes(line));
            out.write('\n');
        }
        out.flush();
    }
}
