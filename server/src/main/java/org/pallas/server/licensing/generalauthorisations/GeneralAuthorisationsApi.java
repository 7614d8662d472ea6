package org.pallas.server.licensing.generalauthorisations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.GeneralAuthorisationEligibility;
import org.pallas.licensing.GeneralAuthorisationTerms;
import org.pallas.licensing.Safeguard;
import org.pallas.server.platform.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * General authorisations in the API: read the published terms, register once under them (refusals list each reason
 * with the rule IDs it rests on), then report uses. Another organisation's registration answers 404.
 */
@RestController
@RequestMapping("/api/v1/general-authorisations")
@Tag(name = "General authorisations", description = "Published terms, registration and reports of use")
class GeneralAuthorisationsApi {

    private final GeneralAuthorisationRegistrations registrations;

    GeneralAuthorisationsApi(GeneralAuthorisationRegistrations registrations) {
        this.registrations = registrations;
    }

    /** What a registrant declares. */
    record RegistrationRequest(
            List<String> controlEntries,
            List<String> destinations,

            @ArraySchema(schema = @Schema(implementation = EndUserType.class))
            List<String> endUserTypes,

            @ArraySchema(schema = @Schema(implementation = Safeguard.class))
            List<String> safeguards) {

        GeneralAuthorisationEligibility.Scope scope() {
            return new GeneralAuthorisationEligibility.Scope(
                    GeneralAuthorisationRegistrations.entries(controlEntries),
                    GeneralAuthorisationRegistrations.codes(destinations),
                    GeneralAuthorisationRegistrations.choices(EndUserType.class, endUserTypes, "endUserTypes"),
                    GeneralAuthorisationRegistrations.choices(Safeguard.class, safeguards, "safeguards"));
        }
    }

    /** One reported use. */
    record UseRequest(
            LocalDate usedOn,
            String destination,
            String endUserName,
            @Schema(implementation = EndUserType.class) String endUserType,
            String controlEntry,
            Integer quantity,
            String description) {

        GeneralAuthorisationEligibility.Use use() {
            Set<EndUserType> type = endUserType == null
                    ? Set.of()
                    : GeneralAuthorisationRegistrations.choices(EndUserType.class, List.of(endUserType), "endUserType");
            return new GeneralAuthorisationEligibility.Use(
                    usedOn,
                    destination == null ? null : destination.trim().toUpperCase(java.util.Locale.ROOT),
                    endUserName,
                    type.isEmpty() ? null : type.iterator().next(),
                    controlEntry == null ? null : controlEntry.trim(),
                    quantity == null ? 0 : quantity,
                    description);
        }
    }

    record RegistrationResponse(
            GeneralAuthorisationRegistrations.Registration registration,
            List<GeneralAuthorisationRegistrations.UseRow> uses) {}

    @GetMapping
    @Operation(summary = "The published general-authorisation terms")
    List<GeneralAuthorisationTerms> terms() {
        return registrations.terms();
    }

    @PostMapping(path = "/{termsId}/registrations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register your organisation under the terms (once); refusals cite the terms' rule IDs")
    GeneralAuthorisationRegistrations.Registration register(
            @PathVariable String termsId, @RequestBody RegistrationRequest request) {
        return registrations.register(Caller.current(), termsId, request.scope());
    }

    @GetMapping("/registrations")
    @Operation(summary = "Your organisation's registrations (the authority and oversight: all)")
    List<GeneralAuthorisationRegistrations.Registration> list() {
        Caller caller = Caller.current();
        return caller.isExporter() ? registrations.mine(caller) : registrations.all(caller);
    }

    @GetMapping("/registrations/{id}")
    @Operation(summary = "A registration and the uses reported under it")
    RegistrationResponse registration(@PathVariable UUID id) {
        Caller caller = Caller.current();
        return new RegistrationResponse(registrations.find(caller, id), registrations.uses(caller, id));
    }

    @PostMapping(path = "/registrations/{id}/uses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a use under a registration; a use outside it is refused with reasons")
    GeneralAuthorisationRegistrations.UseRow reportUse(@PathVariable UUID id, @RequestBody UseRequest request) {
        return registrations.reportUse(Caller.current(), id, request.use());
    }
}
