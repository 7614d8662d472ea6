package org.pallas.server.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.policy.Rulebook;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.ledger.IntegrityCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A rulebook change edited directly in the database is named by the ledger's integrity check, alone. */
@PallasTest
class RecordedRulebookChangeTests {

    @Autowired IntegrityCheck check;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired AccessTokens tokens;
    @Autowired RulebookChanges changes;

    @Test
    void namesARulebookChangeWhoseReasonWasEditedInTheDatabase() throws IOException {
        String file;
        try (InputStream in = Rulebook.class.getResourceAsStream("/org/pallas/policy/rulebook/hard-stops.yaml")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RulebookChanges.Change change = changes.propose(new TestCast(jdbc, tokens).caller("caseworker"),
                "hard-stops.yaml", file + "\n# integrity check test\n", "test-" + UUID.randomUUID().toString().substring(0, 8),
                "Integrity check test");
        String id = change.id().toString();
        List<IntegrityCheck.Discrepancy> found = transactions.execute(tx -> {
            IntegrityCheck.Report before = check.run();
            jdbc.sql("update rulebook_change set reason = 'A different reason' where id = :id")
                    .param("id", change.id()).update();
            List<IntegrityCheck.Discrepancy> after = check.run().discrepancies().stream()
                    .filter(d -> !before.discrepancies().contains(d)).toList();
            tx.setRollbackOnly();
            return after;
        });
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(List.of(d.subjectType(), d.subjectId())).containsExactly("rulebook-change", id);
            assertThat(d.problem()).startsWith("reason is \"A different reason\" in the database but "
                    + "\"Integrity check test\" in ledger entry ").endsWith("(policy.rulebook-change.proposed)");
        });
    }
}
