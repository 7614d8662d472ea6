package org.pallas.server.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.pallas.server.platform.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger as JSON, for convenience beside the tlog-tiles API: public entries, proofs and the verifier
 * key for anyone; the full record for auditors, oversight and administrators. Hashes are base64, as in
 * checkpoints.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@Tag(name = "Ledger", description = "The public accountability ledger: entries, inclusion and consistency proofs")
class LedgerApi {

    private final LedgerReads reads;
    private final IntegrityCheck integrity;

    LedgerApi(LedgerReads reads, IntegrityCheck integrity) {
        this.reads = reads;
        this.integrity = integrity;
    }

    @GetMapping("/integrity")
    @Operation(
            summary = "The latest result of the ledger integrity check (AUDITOR, OVERSIGHT, ADMIN)",
            description = "status is INTACT, DISCREPANCIES or NOT_CHECKED; latest is the latest run (full, or"
                    + " incremental after a sequenced batch), with at most 1000 of its discrepancies.")
    IntegrityCheck.Status integrity() {
        return integrity.status(Caller.current());
    }

    @GetMapping("/entries/{index}")
    @Operation(summary = "A ledger entry, public view (no confidential content, only its digest)")
    LedgerReads.PublicEntry entry(@PathVariable long index) {
        return reads.entry(index);
    }

    @GetMapping("/entries")
    @Operation(summary = "Ledger entries, newest first, 50 a page")
    LedgerReads.Page entries(@RequestParam(name = "page", defaultValue = "1") long page) {
        return reads.page(page);
    }

    @GetMapping("/proofs/inclusion")
    @Operation(summary = "Inclusion proof of an entry in a signed tree (default: the latest checkpoint)")
    LedgerReads.Proof inclusion(@RequestParam long index, @RequestParam(required = false) Long treeSize) {
        return reads.inclusion(index, treeSize);
    }

    @GetMapping("/proofs/consistency")
    @Operation(summary = "Consistency proof between two signed trees (default to: the latest checkpoint)")
    LedgerReads.Consistency consistency(@RequestParam long from, @RequestParam(required = false) Long to) {
        return reads.consistency(from, to);
    }

    @GetMapping(path = "/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The log's signed-note verifier key, <name>+<hex8>+<base64>")
    String verifierKey() {
        return reads.verifierKey();
    }

    @GetMapping("/records/{index}")
    @Operation(summary = "The full record of an entry, confidential payload included (AUDITOR, OVERSIGHT, ADMIN)")
    @ApiResponse(
            responseCode = "200",
            description = "The record as signed (docs/ledger-record-format.md)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    ResponseEntity<byte[]> record(@PathVariable long index) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(reads.record(Caller.current(), index));
    }
}
