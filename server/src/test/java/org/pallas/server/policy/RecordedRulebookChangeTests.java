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
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.ledger.IntegrityCheck;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** A rulebook change edited directly in the database is named by the ledger's integrity check, alone. */
@PallasTest
class RecordedRulebookChangeTests {

    @Autowired
    IntegrityCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AccessTokens tokens;

    @Autowired
    RulebookChanges changes;

    @Autowired
    MockMvc mvc;

    @Test
    void theRulebookPageListsRuleChangesWithTheirLedgerEntries() throws Exception {
        RulebookChanges.Change change = propose("Listed on the page");
        String html = mvc.perform(new TestCast(jdbc, tokens)
                        .as(
                                Who.CASEWORKER,
                                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/rulebook"),
                                false))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Rule changes").contains("Listed on the page");
        String row = html.substring(html.indexOf(change.newVersion()));
        // Not sequenced yet (tests sequence explicitly): the row says its entry awaits the next checkpoint.
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("ledger entry awaiting its checkpoint");
    }

    private RulebookChanges.Change propose(String reason) throws IOException {
        String file;
        try (InputStream in = Rulebook.class.getResourceAsStream("/org/pallas/policy/rulebook/hard-stops.yaml")) {
            file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return changes.propose(
                new TestCast(jdbc, tokens).caller("caseworker"),
                "hard-stops.yaml",
                file + "\n# integrity check test\n",
                "test-" + UUID.randomUUID().toString().substring(0, 8),
                reason);
    }

    @Test
    void namesARulebookChangeWhoseReasonWasEditedInTheDatabase() throws IOException {
        RulebookChanges.Change change = propose("Integrity check test");
        String id = change.id().toString();
        List<IntegrityCheck.Discrepancy> found = transactions.execute(tx -> {
            IntegrityCheck.Report before = check.run();
            jdbc.sql("update rulebook_change set reason = 'A different reason' where id = :id")
                    .param("id", change.id())
                    .update();
            List<IntegrityCheck.Discrepancy> after = check.run().discrepancies().stream()
                    .filter(d -> !before.discrepancies().contains(d))
                    .toList();
            tx.setRollbackOnly();
            return after;
        });
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(List.of(d.subjectType(), d.subjectId())).containsExactly("rulebook-change", id);
            assertThat(d.problem())
                    .startsWith("reason is \"A different reason\" in the database but "
                            + "\"Integrity check test\" in ledger entry ")
                    .endsWith("(policy.rulebook-change.proposed)");
        });
    }
}
