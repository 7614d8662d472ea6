package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.screening.ScreeningQuery;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.screening.Searches;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For every ledger-backed row type outside identity (classification, screening, licensing cases; rulebook
 * changes in {@code RecordedRulebookChangeTests}): a row
 * changed through Pallas and then edited directly with SQL is reported by the integrity check, and only that
 * record. The edit runs in a transaction that is rolled back, so the shared database stays as it was.
 */
@PallasTest
class RecordedRowsIntegrityTests {

    @Autowired
    IntegrityCheck check;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Searches searches;

    /** The newest row of {@code table} (keyed by {@code id}) whose subject has a ledger entry. */
    private String recordedRow(String subjectType, String table) {
        return jdbc.sql("select e.subject_id from ledger_entry e join " + table + " t on t.id::text = e.subject_id "
                        + "where e.subject_type = :type order by e.seq desc limit 1")
                .param("type", subjectType)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new AssertionError("no " + subjectType + " row with a ledger entry to edit"));
    }

    /** The discrepancies the check finds after {@code sql} (with {@code :id}) and not before, rolled back. */
    private List<IntegrityCheck.Discrepancy> afterEditing(String id, String sql) {
        return transactions.execute(tx -> {
            IntegrityCheck.Report before = check.run();
            int rows = jdbc.sql(sql).param("id", UUID.fromString(id)).update();
            assertThat(rows).as("rows edited by " + sql).isPositive();
            List<IntegrityCheck.Discrepancy> found = check.run().discrepancies().stream()
                    .filter(d -> !before.discrepancies().contains(d))
                    .toList();
            tx.setRollbackOnly();
            return found;
        });
    }

    private void assertReportsExactlyRecord(String subjectType, String id, String sql, String key, String value) {
        List<IntegrityCheck.Discrepancy> found = afterEditing(id, sql);
        assertThat(found)
                .as("new discrepancies after editing a " + subjectType)
                .isNotEmpty()
                .allSatisfy(
                        d -> assertThat(List.of(d.subjectType(), d.subjectId())).containsExactly(subjectType, id))
                .anySatisfy(d -> assertThat(d.problem())
                        .startsWith(key + " is \"" + value + "\" in the database but ")
                        .contains(" in ledger entry "));
    }

    @Test
    void namesAProductWhoseCurrentVersionWasEditedInTheDatabase() {
        String id = recordedRow("product", "product");
        assertReportsExactlyRecord("product", id, """
                update product_version set summary = 'Edited behind Pallas' where product_id = :id
                and version = (select current_version from product where id = :id)""", "summary", "Edited behind Pallas");
    }

    @Test
    void namesAProductWhoseEarlierVersionWasEditedInTheDatabase() {
        String id = recordedRow("product", "product");
        List<IntegrityCheck.Discrepancy> found =
                afterEditing(id, "update product_version set name = name || ' (edited)' where product_id = :id");
        assertThat(found)
                .isNotEmpty()
                .allSatisfy(d -> assertThat(d.subjectId()).isEqualTo(id))
                .anySatisfy(d -> assertThat(d.problem()).startsWith("versions is \"1:"));
    }

    @Test
    void namesAClassificationRequestEditedInTheDatabase() {
        String id = recordedRow("classification-request", "classification_request");
        assertReportsExactlyRecord(
                "classification-request",
                id,
                "update classification_request set note = 'Edited note' where id = :id",
                "note",
                "Edited note");
    }

    @Test
    void namesAScreeningPartyEditedInTheDatabase() {
        String id = recordedRow("screening-party", "screening_party");
        assertReportsExactlyRecord(
                "screening-party",
                id,
                "update screening_party set name = 'Someone Else' where id = :id",
                "name",
                "Someone Else");
    }

    @Test
    void namesAScreeningAlertEditedInTheDatabase() {
        String id = recordedRow("screening-alert", "screening_alert");
        assertReportsExactlyRecord(
                "screening-alert",
                id,
                "update screening_alert set status = 'CLEARED', reason = 'quietly cleared' where id = :id",
                "reason",
                "quietly cleared");
    }

    @Test
    void namesAListVersionEditedInTheDatabase() {
        String id = recordedRow("list-version", "screening_list_version");
        int count = jdbc.sql("select entry_count from screening_list_version where id = cast(:id as uuid)")
                .param("id", id)
                .query(Integer.class)
                .single();
        assertReportsExactlyRecord(
                "list-version",
                id,
                "update screening_list_version set entry_count = entry_count - 1 where id = :id",
                "entryCount",
                Integer.toString(count - 1));
    }

    @Test
    void namesAListVersionWhoseFileWasReplacedInTheDatabase() {
        String id = recordedRow("list-version", "screening_list_version");
        List<IntegrityCheck.Discrepancy> found = afterEditing(
                id,
                "update screening_list_file set content = convert_to('tampered', 'UTF8') where version_id = :id and position = 0");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(d.subjectId()).isEqualTo(id);
            assertThat(d.problem()).startsWith("files is \"0:");
        });
    }

    @Test
    void namesAScreeningSearchEditedInTheDatabase() {
        searches.search(
                new TestCast(jdbc, tokens).caller("northbridge.lee"),
                new ScreeningQuery("Integrity Check Search " + UUID.randomUUID(), null, null, null, List.of(), 10));
        String id = recordedRow("screening-search", "screening_search");
        assertReportsExactlyRecord(
                "screening-search", id, "update screening_search set matches = 999 where id = :id", "matches", "999");
    }

    @Test
    void namesALicensingCaseWhoseProjectionWasEditedInTheDatabase() {
        String id = recordedRow("case", "licensing_case");
        assertReportsExactlyRecord(
                "case",
                id,
                "update licensing_case set title = 'Harmless goods' where id = :id",
                "title",
                "Harmless goods");
    }

    @Test
    void namesALicensingCaseWhoseStoredCommandWasEditedInTheDatabase() {
        String id = recordedRow("case", "licensing_case");
        List<IntegrityCheck.Discrepancy> found = afterEditing(
                id, "update licensing_case_command set at = at - interval '1 day' where case_id = :id and seq = 0");
        assertThat(found).singleElement().satisfies(d -> {
            assertThat(List.of(d.subjectType(), d.subjectId())).containsExactly("case", id);
            assertThat(d.problem()).startsWith("commands is \"0:StartDraft:");
        });
    }
}
