package org.pallas.server.screening;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pallas.screening.ScreeningMatch;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.screening.importing.ListFormat;
import org.pallas.screening.importing.ListImportException;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/** The screening JSON API: search, batch, list versions, the party register and alert review. */
@RestController
@RequestMapping("/api/v1/screening")
@Tag(name = "Screening", description = "Restricted-party screening, list versions, parties and alerts")
class ScreeningApi {

    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

    private final Searches searches;
    private final RestrictedLists lists;
    private final RestrictedPartyScreening screening;
    private final PartyRegister parties;
    private final Alerts alerts;
    private final BatchScreenings batches;
    private final JsonMapper json;
    private final int syncMaxRows;

    ScreeningApi(
            Searches searches,
            RestrictedLists lists,
            RestrictedPartyScreening screening,
            PartyRegister parties,
            Alerts alerts,
            BatchScreenings batches,
            JsonMapper json,
            @Value("${pallas.screening.batch.sync-max-rows:1000}") int syncMaxRows) {
        this.searches = searches;
        this.lists = lists;
        this.screening = screening;
        this.parties = parties;
        this.alerts = alerts;
        this.batches = batches;
        this.json = json;
        this.syncMaxRows = syncMaxRows;
    }

    record SearchRequest(
            String name,

            @Schema(
                    allowableValues = {"person", "organisation", "vessel", "aircraft", "any"},
                    defaultValue = "any")
            String kind,

            String country,
            String birthDate,
            List<String> identifiers,
            Integer limit) {
        ScreeningQuery query() {
            return Queries.query(
                    name, kind, country, birthDate, identifiers, limit == null ? ScreeningQuery.DEFAULT_LIMIT : limit);
        }
    }

    record Match(
            String entryId,
            String source,
            String listedName,
            String matchedName,
            double score,
            boolean alert,
            List<String> explanation) {
        static Match of(ScreeningMatch m) {
            return new Match(
                    m.entryId(), m.source(), m.listedName(), m.matchedName(), m.score(), m.alert(), m.explanation());
        }
    }

    record SearchResponse(List<String> listVersions, boolean listsLoaded, List<Match> matches) {}

    record ListsResponse(
            List<String> inUse,
            boolean loaded,
            List<RestrictedLists.ImportState> imports,
            List<RestrictedLists.StoredVersion> versions) {}

    record ClearRequest(
            @NotBlank(message = "Say why the alert is a false positive")
            @Size(max = 2000, message = "Reason must be 2000 characters or fewer")
            String reason) {}

    record ConfirmRequest(
            @Size(max = 2000, message = "Note must be 2000 characters or fewer")
            String note) {}

    @PostMapping(path = "/search", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Screen one name against the lists in use; matches best first, each with its explanation")
    SearchResponse search(@RequestBody SearchRequest request) {
        ScreeningResult result = searches.search(Caller.current(), request.query());
        return new SearchResponse(
                result.listVersions(),
                lists.loaded(),
                result.matches().stream().map(Match::of).toList());
    }

    @PostMapping(
            path = "/batch",
            consumes = {"text/csv", "application/x-ndjson", MediaType.APPLICATION_JSON_VALUE},
            produces = "application/x-ndjson")
    @Operation(
            summary = "Screen many names: CSV (header name,kind,country,birthDate) or NDJSON of search requests "
                    + "(application/json: a single request) in; "
                    + "one NDJSON line per input row out, in order, with its line number. Above "
                    + "pallas.screening.batch.sync-max-rows rows (1,000) the batch becomes a job instead: 202 with "
                    + "the job and its Location (see batch-jobs)",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description =
                                    "One row per name (CSV with a header row, or NDJSON: one search request like the example "
                                            + "per line); bounded by the request size limit",
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
    void batch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = Caller.current();
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        // The body is bounded by the request size limit; results are written and flushed row by row.
        byte[] body = request.getInputStream().readAllBytes();
        List<String> lines = new BufferedReader(
                        new InputStreamReader(new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8))
                .lines()
                .toList();
        boolean csv = String.valueOf(request.getContentType())
                .toLowerCase(Locale.ROOT)
                .startsWith("text/csv");
        if (lines.stream().filter(l -> !l.isBlank()).count() - (csv ? 1 : 0) > syncMaxRows) {
            // Too many rows to hold the request open: the same screening as a job (issue 13, bounded work).
            BatchScreenings.Job job =
                    batches.find(caller, batches.startFromApi(caller, request.getContentType(), body));
            response.setStatus(HttpStatus.ACCEPTED.value());
            response.setHeader("Location", "/api/v1/screening/batch-jobs/" + job.id());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(BatchScreeningApi.BatchJob.of(job)));
            return;
        }
        response.setContentType(NDJSON.toString());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        writeBatch(caller, lines, csv, response.getOutputStream());
    }

    private void writeBatch(Caller caller, List<String> lines, boolean csv, OutputStream out) throws IOException {
        int rows = 0;
        int matches = 0;
        int alerting = 0;
        List<String> header;
        try {
            header = csv && !lines.isEmpty() ? BatchFile.cells(lines.get(0)) : List.of();
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("header", "The CSV header row cannot be read: " + e.getMessage());
        }
        for (int i = csv ? 1 : 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("line", i + 1);
            try {
                SearchRequest request =
                        csv ? fromCsv(header, BatchFile.cells(line)) : json.readValue(line, SearchRequest.class);
                if (request == null) {
                    throw new IllegalArgumentException("each line must be a JSON object (a search request)");
                }
                ScreeningResult result = screening.search(request.query());
                row.put("name", request.name());
                row.put("listVersions", result.listVersions());
                row.put("matches", result.matches().stream().map(Match::of).toList());
                matches += result.matches().size();
                alerting += (int)
                        result.matches().stream().filter(ScreeningMatch::alert).count();
            } catch (tools.jackson.core.JacksonException e) {
                row.put("error", org.pallas.server.platform.Problems.describe(e)); // names no Java class
            } catch (InvalidInputException | IllegalArgumentException e) {
                row.put("error", e.getMessage());
            }
            rows++;
            out.write(json.writeValueAsBytes(row));
            out.write('\n');
            out.flush();
        }
        searches.recordBatch(caller, rows, matches, alerting);
    }

    private static SearchRequest fromCsv(List<String> header, List<String> cells) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (int c = 0; c < header.size() && c < cells.size(); c++) {
            byName.put(header.get(c).strip(), cells.get(c).strip());
        }
        if (!byName.containsKey("name")) {
            throw new IllegalArgumentException("the CSV header must name a 'name' column");
        }
        return new SearchRequest(
                byName.get("name"),
                byName.getOrDefault("kind", "any"),
                byName.get("country"),
                byName.get("birthDate"),
                List.of(),
                null);
    }

    @GetMapping("/lists")
    @Operation(
            summary = "The list versions in use and every stored version with its import report; imports in progress")
    ListsResponse lists() {
        Caller.current();
        return new ListsResponse(lists.inUse(), lists.loaded(), lists.imports(), lists.versions());
    }

    @PostMapping(
            path = "/lists/{source}",
            consumes = {
                MediaType.APPLICATION_OCTET_STREAM_VALUE,
                "text/csv",
                "text/plain",
                MediaType.APPLICATION_XML_VALUE,
                "text/tab-separated-values",
                "application/x-ndjson",
                MediaType.APPLICATION_JSON_VALUE
            })
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary =
                    "Import a new version of a list from one file (ADMIN); parties are re-screened against what changed",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            description = "The list file as published (OFAC CSV, UN XML, BIS TSV, CSL CSV, FtM "
                                    + "NDJSON, which may also come as application/json, or the project CSV); the format "
                                    + "is taken from the format parameter or the file",
                            content = {
                                @Content(
                                        mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "text/plain",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = MediaType.APPLICATION_XML_VALUE,
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "text/tab-separated-values",
                                        schema = @Schema(type = "string", format = "binary")),
                                @Content(
                                        mediaType = "application/x-ndjson",
                                        schema = @Schema(type = "string", format = "binary"))
                            }))
    ResponseEntity<RestrictedLists.StoredVersion> importList(
            @PathVariable String source,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String publishedOn,
            @RequestParam(defaultValue = "list") String fileName,
            InputStream body)
            throws IOException {
        Caller caller = Caller.current();
        ScreeningAccess.require(caller, ScreeningAccess.LIST_ADMINS, "import lists");
        if (!source.matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            throw new InvalidInputException(
                    "source", "Source must be 2 to 40 capital letters, digits or hyphens, e.g. US-OFAC-SDN");
        }
        ListFormat listFormat;
        try {
            listFormat = ListFormat.valueOf(String.valueOf(format).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("format", "Format must be one of " + List.of(ListFormat.values()));
        }
        LocalDate published = null;
        if (publishedOn != null && !publishedOn.isBlank()) {
            try {
                published = LocalDate.parse(publishedOn);
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("publishedOn", "Publication date must be YYYY-MM-DD");
            }
        }
        try {
            RestrictedLists.StoredVersion version = lists.importVersion(
                    listFormat,
                    source,
                    published,
                    List.of(new RestrictedLists.ListFile(fileName, body.readAllBytes())),
                    caller.userId());
            return ResponseEntity.created(URI.create("/api/v1/screening/lists")).body(version);
        } catch (ListImportException e) {
            throw new InvalidInputException(
                    "file",
                    e.getMessage() + "; malformed rows: "
                            + e.partialReport().malformations().stream()
                                    .limit(20)
                                    .map(Object::toString)
                                    .toList());
        }
    }

    @GetMapping("/searches")
    @Operation(summary = "Your organisation's search history (the authority: all)")
    List<Searches.PastSearch> history() {
        return searches.history(Caller.current());
    }

    @GetMapping("/parties")
    @Operation(summary = "The party register (an exporter: its own organisation's parties)")
    List<Party> listParties() {
        return parties.list(Caller.current());
    }

    @PostMapping(path = "/parties", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a party; it is screened at once and whenever a list changes")
    ResponseEntity<Party> createParty(@Valid @RequestBody PartyInput input) {
        Party party = parties.create(Caller.current(), input);
        return ResponseEntity.created(URI.create("/api/v1/screening/parties/" + party.id()))
                .body(party);
    }

    @GetMapping("/parties/{id}")
    @Operation(summary = "A party you may see; 404 otherwise")
    Party party(@PathVariable UUID id) {
        return parties.find(Caller.current(), id);
    }

    @PutMapping(path = "/parties/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a party; it is screened again")
    Party updateParty(@PathVariable UUID id, @Valid @RequestBody PartyInput input) {
        return parties.update(Caller.current(), id, input);
    }

    @GetMapping("/parties/{id}/screenings")
    @Operation(summary = "Every screening of a party, with the list versions it used")
    List<PartyRegister.Screening> screenings(@PathVariable UUID id) {
        return parties.screenings(Caller.current(), id);
    }

    @GetMapping("/alerts")
    @Operation(summary = "Alerts (an exporter: its own), optionally by status OPEN, CONFIRMED, CLEARED or LAPSED")
    List<Alert> alertQueue(@RequestParam(required = false) String status) {
        if (status != null && !List.of("OPEN", "CONFIRMED", "CLEARED", "LAPSED").contains(status)) {
            throw new InvalidInputException("status", "Status must be OPEN, CONFIRMED, CLEARED or LAPSED");
        }
        return alerts.queue(Caller.current(), status);
    }

    @GetMapping("/alerts/{id}")
    @Operation(summary = "An alert with its explanation; 404 unless you may see it")
    Alert alert(@PathVariable UUID id) {
        return alerts.find(Caller.current(), id);
    }

    @PostMapping(path = "/alerts/{id}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Confirm an open alert as a true match")
    Alert confirm(@PathVariable UUID id, @Valid @RequestBody ConfirmRequest request) {
        return alerts.confirm(Caller.current(), id, request.note());
    }

    @PostMapping(path = "/alerts/{id}/clear", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Clear an open alert as a false positive, with the reason")
    Alert clear(@PathVariable UUID id, @Valid @RequestBody ClearRequest request) {
        return alerts.clear(Caller.current(), id, request.reason());
    }
}
