package org.pallas.server.licensing.licences;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.pallas.licensing.ExporterLicenceView;
import org.pallas.licensing.LicenceStatus;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.UsageKind;
import org.pallas.server.platform.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The holder's licence API: list and read the organisation's licences, download the licence PDF, report use and
 * surrender. Only the exporter read model ({@link ExporterLicenceView}) is returned: review flags and officers never
 * appear. Another organisation's licence answers 404; refused use answers problem+json naming the field.
 */
@RestController
@RequestMapping("/api/v1/licences")
@Tag(name = "Licences", description = "Holders follow their licences, report use and surrender")
class LicencesApi {

    private final Licences licences;
    private final LicenceDocuments documents;

    LicencesApi(Licences licences, LicenceDocuments documents) {
        this.licences = licences;
        this.documents = documents;
    }

    record LicenceRow(
            UUID id,
            String reference,
            String application,
            LicenceType type,
            LicenceStatus status,
            LocalDate validFrom,
            LocalDate validUntil) {}

    record LicenceResponse(
            UUID id, String reference, String application, ExporterLicenceView licence, String ledgerEntry) {}

    /** A usage report: what ({@code DELIVERIES}, {@code SEATS_ACTIVATED}, {@code UPDATES_PUSHED}, {@code SUPPORT_SESSIONS}), how many, when. */
    record UsageRequest(UsageKind kind, Long quantity, LocalDate occurredOn, String reference) {}

    record SurrenderRequest(String reason) {}

    @GetMapping
    @Operation(summary = "List your organisation's licences, newest first")
    List<LicenceRow> list() {
        Caller caller = exporter();
        return licences.list(caller, false).stream()
                .map(r -> new LicenceRow(
                        r.id(), r.reference(), r.caseReference(), r.type(), r.status(), r.validFrom(), r.validUntil()))
                .toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A licence: status, conditions, validity, allowed and used quantities, reporting duties")
    LicenceResponse get(@PathVariable UUID id) {
        return response(exporter(), id);
    }

    @GetMapping(path = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The licence document (PDF) with the verification link to its ledger entry")
    ResponseEntity<byte[]> document(@PathVariable UUID id) {
        byte[] pdf = documents.pdf(exporter(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"licence-" + id + ".pdf\"")
                .body(pdf);
    }

    @PostMapping(path = "/{id}/usage", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary =
                    "Report use; use beyond the allowed quantity, outside validity or on a licence not in force is refused")
    LicenceResponse usage(@PathVariable UUID id, @RequestBody UsageRequest request) {
        Caller caller = exporter();
        licences.reportUsage(caller, id, request.kind(), request.quantity(), request.occurredOn(), request.reference());
        return response(caller, id);
    }

    @PostMapping(path = "/{id}/surrender", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Surrender the licence, giving the reason")
    LicenceResponse surrender(@PathVariable UUID id, @RequestBody SurrenderRequest request) {
        Caller caller = exporter();
        licences.surrender(caller, id, request.reason());
        return response(caller, id);
    }

    private LicenceResponse response(Caller caller, UUID id) {
        LicenceStore.Loaded loaded = licences.find(caller, id);
        return new LicenceResponse(
                id,
                loaded.reference(),
                loaded.caseReference(),
                licences.exporterView(caller, id),
                documents.verification(id).url());
    }

    private static Caller exporter() {
        Caller caller = Caller.current();
        if (!caller.isExporter()) {
            throw new AccessDeniedException(
                    "The licence API is for licence holders; the authority uses the licence pages.");
        }
        return caller;
    }
}
