package org.pallas.ledger.audit;

import java.util.List;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.TlogProof;

/**
 * What an audit found. {@code problems} name exactly what disagrees (which checkpoint, tile, level, hash
 * index or entry index, with the expected and the computed values); {@code findings} say what was verified.
 * The checkpoint is null when none could be verified; {@code proof} is the offline proof a successful
 * {@code prove} produced, else null.
 */
public record AuditReport(Checkpoint checkpoint, List<String> findings, List<String> problems, TlogProof proof) {
    public AuditReport {
        findings = List.copyOf(findings);
        problems = List.copyOf(problems);
    }

    public AuditReport(Checkpoint checkpoint, List<String> findings, List<String> problems) {
        this(checkpoint, findings, problems, null);
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** One line per finding ("ok ...") and problem ("FAIL ..."). */
    public String render() {
        StringBuilder b = new StringBuilder();
        findings.forEach(f -> b.append("ok   ").append(f).append('\n'));
        problems.forEach(p -> b.append("FAIL ").append(p).append('\n'));
        b.append(ok() ? "VERIFIED\n" : "NOT VERIFIED: " + problems.size() + " problem(s)\n");
        return b.toString();
    }
}
