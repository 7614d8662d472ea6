package org.pallas.server.ledger;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.InclusionProof;
import org.pallas.ledger.LedgerException;
import org.pallas.ledger.MerkleHash;
import org.pallas.ledger.NoteVerifier;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public ledger page (latest checkpoint, verifier key, entries, an entry with its inclusion proof,
 * readable without signing in) and the integrity check's results (auditors, oversight, administrators; only
 * administrators run it on demand).
 */
@Controller
class LedgerPages {

    static final int RECENT_RUNS = 20;

    private final LedgerReads reads;
    private final IntegrityCheck integrity;

    LedgerPages(LedgerReads reads, IntegrityCheck integrity) {
        this.reads = reads;
        this.integrity = integrity;
    }

    @GetMapping("/ledger")
    String index(@RequestParam(name = "page", defaultValue = "1") long page, Model model) {
        model.addAttribute("checkpoint", reads.checkpoint().orElse(null));
        model.addAttribute("verifierKey", reads.verifierKey());
        model.addAttribute("entries", reads.page(page));
        return "ledger/index";
    }

    @GetMapping("/ledger/entries/{index}")
    String entry(@PathVariable long index, Model model) {
        LedgerReads.PublicEntry entry = reads.entry(index);
        LedgerReads.Proof proof = reads.inclusion(index, null);
        model.addAttribute("entry", entry);
        model.addAttribute("proof", proof);
        model.addAttribute("proofVerifies", verifies(entry, proof));
        return "ledger/entry";
    }

    /** The page checks the proof it shows, as a reader's tool would: against the signed checkpoint. */
    private boolean verifies(LedgerReads.PublicEntry entry, LedgerReads.Proof proof) {
        try {
            Checkpoint checkpoint = Checkpoint.open(
                    proof.checkpoint().getBytes(StandardCharsets.UTF_8),
                    List.of(NoteVerifier.parse(reads.verifierKey())));
            new InclusionProof(
                            proof.leafIndex(),
                            proof.treeSize(),
                            proof.hashes().stream()
                                    .map(h -> Base64.getDecoder().decode(h))
                                    .toList())
                    .verify(MerkleHash.fromHex(entry.leafHash()), checkpoint.rootHash());
            return checkpoint.size() == proof.treeSize();
        } catch (LedgerException e) {
            return false;
        }
    }

    /** The integrity check's latest result and recent runs: auditors, oversight and administrators. */
    @GetMapping({"/integrity", "/admin/ledger/integrity"})
    String integrity(Model model) {
        List<IntegrityCheck.Report> recent = integrity.recent(Caller.current(), RECENT_RUNS);
        model.addAttribute("report", recent.isEmpty() ? null : recent.get(0));
        model.addAttribute("runs", recent);
        model.addAttribute("canRun", Caller.current().hasRole(Role.ADMIN));
        return "ledger/integrity";
    }

    /** An administrator runs the full check now. */
    @PostMapping("/admin/ledger/integrity")
    String check(Model model) {
        integrity.run();
        return integrity(model);
    }
}
