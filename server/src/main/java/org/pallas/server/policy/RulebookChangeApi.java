package org.pallas.server.policy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Reviewed changes to the rulebook: propose (caseworker, senior officer), approve or reject (another senior officer). */
@RestController
@RequestMapping("/api/v1/rulebook/changes")
@Tag(name = "Risk assessment")
class RulebookChangeApi {

    private final RulebookChanges changes;

    RulebookChangeApi(RulebookChanges changes) {
        this.changes = changes;
    }

    record Proposal(
            @NotBlank(message = "Name the rule file to replace, e.g. destinations.yaml") @Size(max = 100)
            String file,

            @NotBlank(message = "Give the new text of the rule file")
            @Size(max = 200_000, message = "A rule file must be 200,000 characters or fewer")
            String content,

            @NotBlank(message = "Give the new version") String newVersion,

            @NotBlank(message = "Say why the rules should change")
            String reason) {}

    @GetMapping
    @Operation(summary = "Rule changes, newest first (licensing authority, oversight, audit)")
    List<RulebookChanges.Change> list() {
        return changes.list(Caller.current());
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Propose a new version of one rule file; it is validated in full and takes effect only when "
                    + "another senior officer approves it")
    ResponseEntity<RulebookChanges.Change> propose(@Valid @RequestBody Proposal proposal) {
        RulebookChanges.Change change = changes.propose(
                Caller.current(), proposal.file(), proposal.content(), proposal.newVersion(), proposal.reason());
        return ResponseEntity.created(URI.create("/api/v1/rulebook/changes/" + change.id()))
                .body(change);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One rule change")
    RulebookChanges.Change change(@PathVariable UUID id) {
        return changes.find(Caller.current(), id);
    }

    @PostMapping("/{id}/approve")
    @Operation(
            summary = "Approve a proposed change (a senior officer who did not propose it); activates the new version")
    RulebookChanges.Change approve(@PathVariable UUID id) {
        return changes.approve(Caller.current(), id);
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a proposed change (a senior officer who did not propose it)")
    RulebookChanges.Change reject(@PathVariable UUID id) {
        return changes.reject(Caller.current(), id);
    }
}
