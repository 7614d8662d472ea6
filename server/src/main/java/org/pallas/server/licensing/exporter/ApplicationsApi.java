package org.pallas.server.licensing.exporter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.ExporterCaseView;
import org.pallas.licensing.FieldError;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.policy.EndUse;
import org.pallas.server.licensing.cases.CaseQueries;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.cases.SubmissionAssessments;
import org.pallas.server.licensing.cases.Undertakings;
import org.pallas.server.licensing.licences.LicenceStore;
import org.pallas.server.platform.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exporter's application API: vendors file and follow applications from their own systems. Only the exporter
 * read model is ever returned; another organisation's application answers 404. Errors are problem+json.
 */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications", description = "Exporters draft, submit and follow licence applications")
class ApplicationsApi {

    private final Cases cases;
    private final CaseQueries queries;
    private final LicenceStore licences;
    private final Undertakings undertakings;

    ApplicationsApi(Cases cases, CaseQueries queries, LicenceStore licences, Undertakings undertakings) {
        this.cases = cases;
        this.queries = queries;
        this.licences = licences;
        this.undertakings = undertakings;
    }

    /**
     * A draft as sent by the exporter. {@code riskTier} (1-4) and {@code endUseCategory} (a policy-core
     * {@code EndUse.Category}) are declared by the exporter until the classification service confirms them.
     */
    record DraftRequest(
            @NotNull(message = "Choose the licence type") LicenceType type,
            ApplicationDetails details,
            @Schema(minimum = "1", maximum = "4") Integer riskTier,
            @Schema(implementation = EndUse.Category.class) String endUseCategory) {

        ApplicationDetails detailsOrEmpty() {
            return details == null ? ApplicationDetails.empty() : details;
        }

        CaseCommand.Declarations declarations() {
            return new CaseCommand.Declarations(riskTier, endUseCategory);
        }
    }

    record Created(UUID id, String reference) {}

    /**
     * The exporter's view: status, decision with reasons, licence; the draft, what is still missing and the questions
     * its risk calls for ({@code questions}: the mitigations the rulebook scores, asked only when they matter).
     */
    record ApplicationResponse(
            UUID id,
            String reference,
            ExporterCaseView status,
            ApplicationDetails details,
            Integer riskTier,
            String endUseCategory,
            List<FieldError> problems,
            List<SubmissionAssessments.Question> questions,
            LicenceStore.Summary licence) {}

    @GetMapping
    @Operation(summary = "List your organisation's applications, most recently changed first")
    List<CaseQueries.ApplicationRow> list() {
        return queries.applications(Caller.current());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a draft application (individual licence first)")
    Created create(@Valid @RequestBody DraftRequest request) {
        Caller caller = Caller.current();
        UUID id = cases.startDraft(caller, request.type(), request.detailsOrEmpty(), request.declarations());
        return new Created(id, cases.draft(caller, id).reference());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Follow an application: status, decision with reasons, the licence once issued")
    ApplicationResponse get(@PathVariable UUID id) {
        Caller caller = Caller.current();
        return response(caller, id, cases.exporterCase(caller, id));
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Save the draft (replaces it); answers with field-level problems still to fix")
    ApplicationResponse save(@PathVariable UUID id, @Valid @RequestBody DraftRequest request) {
        Caller caller = Caller.current();
        return response(caller, id, cases.saveDraft(caller, id, request.detailsOrEmpty(), request.declarations()));
    }

    @PutMapping(path = "/{id}/undertaking", consumes = MediaType.ALL_VALUE)
    @Operation(
            summary =
                    "Upload the signed end-user undertaking (PDF, PNG, JPEG or DOCX, at most 10 MB; type judged by content)")
    UndertakingDocument upload(@PathVariable UUID id, @RequestBody(required = false) byte[] content) {
        return undertakings.upload(Caller.current(), id, content);
    }

    @PostMapping("/{id}/submit")
    @Operation(summary = "Submit the draft: the automated assessment runs and routes the case")
    ApplicationResponse submit(@PathVariable UUID id) {
        Caller caller = Caller.current();
        return response(caller, id, cases.submit(caller, id));
    }

    private ApplicationResponse response(Caller caller, UUID id, Cases.ExporterCase shown) {
        Cases.Draft draft = shown.draft();
        return new ApplicationResponse(
                id,
                draft.reference(),
                shown.view(),
                draft.details(),
                draft.declarations().riskTier(),
                draft.declarations().endUseCategory(),
                shown.problems(),
                shown.questions(),
                licences.forCase(id, caller.organisationId()).orElse(null));
    }
}
