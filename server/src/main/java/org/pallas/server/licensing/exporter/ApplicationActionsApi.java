package org.pallas.server.licensing.exporter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.pallas.licensing.ApplicationDetails;
import org.pallas.licensing.ApplicationVersion;
import org.pallas.licensing.ExporterCaseView;
import org.pallas.licensing.VersionChanges;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.platform.Caller;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exporter's actions on a submitted application: answer an information request, amend, withdraw, appeal a
 * refusal, and list the versions with what changed. Exporters of the owning organisation only (another
 * organisation's application answers 404); every answer is the exporter read model, never the regulator's case.
 */
@RestController
@RequestMapping("/api/v1/applications/{id}")
@Tag(name = "Applications", description = "Exporters draft, submit and follow licence applications")
class ApplicationActionsApi {

    private final Cases cases;

    ApplicationActionsApi(Cases cases) {
        this.cases = cases;
    }

    record AnswerRequest(
            @NotBlank(message = "Write the answer") String answer) {}

    record AmendmentRequest(
            @NotNull(message = "Send the amended application")
            ApplicationDetails details,

            @NotBlank(message = "Say what changed and why") String reason) {}

    record WithdrawalRequest(
            @NotBlank(message = "Say why the application is withdrawn")
            String reason) {}

    record AppealRequest(
            @NotBlank(message = "Give the grounds of the appeal")
            String grounds) {}

    /** The submitted versions, oldest first, and what changed from each to the next. */
    record Versions(List<ApplicationVersion> versions, List<VersionChanges> changes) {}

    @PostMapping(path = "/information-response", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answer the open information request; the case returns to where it was and its clock restarts")
    ExporterCaseView answer(@PathVariable UUID id, @Valid @RequestBody AnswerRequest request) {
        Caller caller = Caller.current();
        return cases.answerInformationRequest(caller, id, request.answer()).view();
    }

    @PostMapping(path = "/amendments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Amend before the decision: a new version of the application, the old ones kept "
                    + "(the undertaking on file is kept unless a new one is referenced)")
    ExporterCaseView amend(@PathVariable UUID id, @Valid @RequestBody AmendmentRequest request) {
        Caller caller = Caller.current();
        return cases.amend(caller, id, request.details(), request.reason()).view();
    }

    @GetMapping("/versions")
    @Operation(summary = "Every submitted version of the application and what changed from one to the next")
    Versions versions(@PathVariable UUID id) {
        List<ApplicationVersion> versions = cases.versions(Caller.current(), id);
        return new Versions(versions, VersionChanges.of(versions));
    }

    @PostMapping(path = "/withdrawal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Withdraw the application before the decision, with the reason")
    ExporterCaseView withdraw(@PathVariable UUID id, @Valid @RequestBody WithdrawalRequest request) {
        Caller caller = Caller.current();
        return cases.withdraw(caller, id, request.reason()).view();
    }

    @PostMapping(path = "/appeal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Appeal a refusal within 28 days of the decision, with the grounds")
    ExporterCaseView appeal(@PathVariable UUID id, @Valid @RequestBody AppealRequest request) {
        Caller caller = Caller.current();
        return cases.appeal(caller, id, request.grounds()).view();
    }
}
