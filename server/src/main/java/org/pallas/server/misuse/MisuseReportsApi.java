package org.pallas.server.misuse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.UnattributedRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * The misuse-report API (issue 14). Intake and follow-up need no account: the receipt, sent in the body and never
 * in a URL, is the reporter's key. Triage is the licensing authority's; oversight reads; a civil-society
 * organisation reads the reports it filed under its name.
 */
@RestController
@RequestMapping("/api/v1/misuse-reports")
@Tag(name = "Misuse reports", description = "Reports of spyware misuse from civil society: intake, follow-up, triage")
class MisuseReportsApi {

    private final MisuseReports reports;
    private final SourceRateLimit limit;

    MisuseReportsApi(MisuseReports reports, SourceRateLimit limit) {
        this.reports = reports;
        this.limit = limit;
    }

    /** A report as JSON, its evidence inline (STIX 2.1 bundles). */
    record NewReport(
            @Schema(description = "The vendor, as known (free text)")
            String vendor,

            @Schema(description = "The product or tool, e.g. Pegasus")
            String product,

            @Schema(description = "The operator or customer suspected")
            String operator,

            @Schema(description = "Country where the targeting happened, ISO 3166-1 alpha-2")
            String country,

            LocalDate seenFrom,
            LocalDate seenUntil,
            List<TargetKind> targetKinds,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            Discovery discovery,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "What happened", maxLength = 10_000)
            String account,

            @Schema(description = "File under your civil-society organisation's name (signed in); else anonymous")
            Boolean fileUnderOrganisationName,

            @Schema(description = "STIX 2.1 bundles, e.g. MVT indicator files; documents go in a multipart upload")
            List<JsonNode> evidence) {
        MisuseReports.ReportInput input() {
            return new MisuseReports.ReportInput(
                    vendor,
                    product,
                    operator,
                    country,
                    seenFrom,
                    seenUntil,
                    targetKinds,
                    discovery,
                    account,
                    fileUnderOrganisationName);
        }
    }

    record ReceiptRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
            String receipt) {}

    record ReplyRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100)
            String receipt,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 4000)
            String text) {}

    record MessageRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 4000)
            String text) {}

    record AssessmentRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            EvidenceRating evidenceRating,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            SourceReliability sourceReliability,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            TriageOutcome outcome,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 4000)
            String reasons,

            List<String> vendors,
            List<String> products,
            List<MisuseReports.EndUserLink> endUsers,

            @Schema(description = "Licence references, e.g. LIC-2026-00003")
            List<String> licences,

            @Schema(description = "Case references, e.g. EXP-2026-00012")
            List<String> cases) {
        MisuseReports.AssessmentInput input() {
            return new MisuseReports.AssessmentInput(
                    evidenceRating, sourceReliability, outcome, reasons, vendors, products, endUsers, licences, cases);
        }
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(
            summary = "Report misuse, anonymously or as a signed-in civil-society organisation; keep the receipt",
            description = "Nothing about the sender is stored (no address, user agent or account). The receipt is"
                    + " shown once and is the only way to follow the report up.")
    @ApiResponse(responseCode = "201", description = "Received: the public reference and the receipt (shown once)")
    @ApiResponse(
            responseCode = "429",
            description = "Too many reports from this source in the last hour",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    MisuseReports.Receipt file(@RequestBody NewReport report, HttpServletRequest request) {
        throttle(request);
        List<MisuseReports.Upload> uploads = new ArrayList<>();
        List<JsonNode> evidence = report.evidence() == null ? List.of() : report.evidence();
        for (int i = 0; i < evidence.size(); i++) {
            uploads.add(MisuseReports.Upload.json("evidence[" + i + "]", evidence.get(i)));
        }
        return reports.file(Caller.find(), report.input(), uploads);
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(
            summary = "Report misuse with evidence files: a 'report' part (JSON) and 'evidence' files",
            description = "Evidence: STIX 2.1 bundles (MVT indicator files), PDF, PNG or JPEG, recognised by content;"
                    + " at most 10 files and 10 MB in all.")
    MisuseReports.Receipt upload(
            @RequestPart("report") NewReport report,
            @RequestPart(name = "evidence", required = false) List<MultipartFile> evidence,
            HttpServletRequest request)
            throws IOException {
        throttle(request);
        List<MisuseReports.Upload> uploads = new ArrayList<>();
        if (report.evidence() != null && !report.evidence().isEmpty()) {
            throw new org.pallas.server.platform.InvalidInputException(
                    "evidence", "In a multipart upload send the evidence as 'evidence' files");
        }
        List<MultipartFile> files = evidence == null ? List.of() : evidence;
        for (int i = 0; i < files.size(); i++) {
            uploads.add(MisuseReports.Upload.file(
                    "evidence[" + i + "]", files.get(i).getBytes()));
        }
        return reports.file(Caller.find(), report.input(), uploads);
    }

    @PostMapping("/follow-up")
    @SecurityRequirements
    @Operation(summary = "The report's status and messages, for the holder of its receipt")
    @ApiResponse(responseCode = "200", description = "The status, whether action was taken, and the messages")
    @ApiResponse(
            responseCode = "404",
            description = "No report has this receipt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "429",
            description = "Too many attempts from this source in the last hour",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    MisuseReports.FollowUp followUp(@RequestBody ReceiptRequest body, HttpServletRequest request) {
        throttle(request);
        return reports.followUp(body.receipt());
    }

    @PostMapping("/follow-up/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Write to the authority about the report, with its receipt")
    @ApiResponse(responseCode = "201", description = "Sent: the follow-up with the new message")
    @ApiResponse(
            responseCode = "404",
            description = "No report has this receipt",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(
            responseCode = "429",
            description = "Too many attempts from this source in the last hour",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    MisuseReports.FollowUp reply(@RequestBody ReplyRequest body, HttpServletRequest request) {
        throttle(request);
        return reports.reply(body.receipt(), body.text());
    }

    @GetMapping
    @Operation(summary = "The triage queue (authority, oversight), or a civil-society organisation's own reports")
    List<MisuseReports.Summary> list(@RequestParam(required = false) ReportStatus status) {
        return reports.list(Caller.current(), status);
    }

    @GetMapping("/statistics")
    @SecurityRequirements
    @Operation(summary = "How many reports were received, triaged and confirmed (public)")
    MisuseReports.Statistics statistics() {
        return reports.statistics();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One report with its evidence, indicator matches, assessment and messages")
    MisuseReports.Report read(@PathVariable UUID id) {
        return reports.read(Caller.current(), id);
    }

    @PostMapping("/{id}/assessment")
    @Operation(
            summary = "Triage: link the report, rate the evidence and the source, record the outcome with reasons",
            description = "CONFIRMED evidence becomes misuse evidence for the policy engine and flags every live"
                    + " licence and open case of the linked end users and products for review (PMP-ACC-3, unverified).")
    MisuseReports.Report assess(@PathVariable UUID id, @RequestBody AssessmentRequest body) {
        return reports.assess(Caller.current(), id, body.input());
    }

    @PostMapping("/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Write to the reporter (authority), or to the authority (the filing organisation)")
    MisuseReports.Report message(@PathVariable UUID id, @RequestBody MessageRequest body) {
        return reports.message(Caller.current(), id, body.text());
    }

    /** Every intake and follow-up call: the request log shall not name even a signed-in sender; then the limit. */
    private void throttle(HttpServletRequest request) {
        UnattributedRequests.mark(request);
        if (!limit.allow(request.getRemoteAddr())) {
            throw new ResponseStatusException(
                    HttpStatus.TOO_MANY_REQUESTS, "Too many requests from this source; try again in an hour.");
        }
    }
}
