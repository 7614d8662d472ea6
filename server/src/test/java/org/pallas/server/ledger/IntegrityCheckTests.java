package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Rows and ledger tables edited with plain SQL, behind the application's back, are named by the check. */
@PallasTest
class IntegrityCheckTests {

    @Autowired
    IntegrityCheck check;

    @Autowired
    Sequencer sequencer;

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    /** Discrepancies the check finds now that it did not find in {@code before} (other tests edit rows too). */
    private List<IntegrityCheck.Discrepancy> newSince(IntegrityCheck.Report before) {
        return check.run().discrepancies().stream()
                .filter(d -> !before.discrepancies().contains(d))
                .toList();
    }

    private String organisation(String name) {
        return organisations
                .create(
                        new TestCast(jdbc, tokens).caller(Who.ADMIN),
                        new OrganisationInput(name, OrganisationKind.EXPORTER, "FR"))
                .id()
                .toString();
    }

    @Test
    void reportsNothingWhenEveryRowWasChangedThroughPallas() {
        String id = organisation("Untouched Org " + UUID.randomUUID());
        organisations.update(
                new TestCast(jdbc, tokens).caller(Who.ADMIN),
                UUID.fromString(id),
                new OrganisationInput("Renamed Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, "BE"));
        sequencer.sequenceAll();
        IntegrityCheck.Report report = check.run();
        // Only rows other tests edited with plain SQL may disagree; none changed through Pallas.
        assertThat(report.discrepancies())
                .noneMatch(d -> d.subjectId().equals(id))
                .allMatch(d -> d.subjectType().equals("token"));
        assertThat(report.rows()).isGreaterThan(10);
        assertThat(report.entries()).isGreaterThanOrEqualTo(report.rows());
    }

    @Test
    void namesExactlyTheRowEditedInTheDatabase() {
        String name = "Edited Org " + UUID.randomUUID();
        String id = organisation(name);
        sequencer.sequenceAll();
        long index = jdbc.sql("select leaf_index from ledger_entry where subject_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        IntegrityCheck.Report before = check.run();
        jdbc.sql("update organisation set name = 'Someone Else Ltd' where id = cast(:id as uuid)")
                .param("id", id)
                .update();
        try {
            assertThat(newSince(before))
                    .containsExactly(new IntegrityCheck.Discrepancy(
                            "organisation",
                            id,
                            index,
                            "name is \"Someone Else Ltd\" in the database but \"" + name + "\" in ledger entry #"
                                    + index + " (identity.organisation.created)"));
        } finally {
            jdbc.sql("update organisation set name = :name where id = cast(:id as uuid)")
                    .param("id", id)
                    .param("name", name)
                    .update();
        }
        assertThat(newSince(before)).isEmpty();
    }

    @Test
    void namesARowInsertedWithoutAnEntry() {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.parse("2026-11-27T12:00:00Z"));
        IntegrityCheck.Report before = check.run();
        jdbc.sql(
                        "insert into organisation (id, name, kind, created_at, updated_at) values (:id, :name, 'EXPORTER', :now, :now)")
                .param("id", id)
                .param("name", "Smuggled In " + id)
                .param("now", now)
                .update();
        try {
            assertThat(newSince(before))
                    .containsExactly(new IntegrityCheck.Discrepancy(
                            "organisation",
                            id.toString(),
                            null,
                            "the row has no ledger entry: it was not created through Pallas"));
        } finally {
            jdbc.sql("delete from organisation where id = :id").param("id", id).update();
        }
    }

    @Test
    void namesAnEntryWhoseStoredBytesNoLongerMatchTheSignedLog() {
        String id = organisation("Leaf Org " + UUID.randomUUID());
        sequencer.sequenceAll();
        long index = jdbc.sql("select leaf_index from ledger_entry where subject_id = :id")
                .param("id", id)
                .query(Long.class)
                .single();
        IntegrityCheck.Report before = check.run();
        byte[] original = jdbc.sql("select entry from ledger_entry where leaf_index = :i")
                .param("i", index)
                .query(byte[].class)
                .single();
        byte[] edited = new String(original, java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"FR\"", "\"DE\"")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        jdbc.sql("update ledger_entry set entry = :e where leaf_index = :i")
                .param("e", edited)
                .param("i", index)
                .update();
        try {
            assertThat(newSince(before))
                    .extracting(IntegrityCheck.Discrepancy::entryIndex, IntegrityCheck.Discrepancy::subjectId)
                    .containsOnly(org.assertj.core.groups.Tuple.tuple(index, id));
            assertThat(check.run().discrepancies())
                    .anySatisfy(d -> assertThat(d.problem())
                            .startsWith("entry #" + index + " (identity.organisation.created) hashes to ")
                            .contains("but the signed log holds leaf hash"));
        } finally {
            jdbc.sql("update ledger_entry set entry = :e where leaf_index = :i")
                    .param("e", original)
                    .param("i", index)
                    .update();
        }
    }

    @Test
    void theAdministratorsPageShowsTheDiscrepancy() throws Exception {
        String name = "Paged Org " + UUID.randomUUID();
        String id = organisation(name);
        sequencer.sequenceAll();
        jdbc.sql("update organisation set country = 'KP' where id = cast(:id as uuid)")
                .param("id", id)
                .update();
        try {
            String page = mvc.perform(new TestCast(jdbc, tokens)
                            .as(Who.ADMIN, post("/admin/ledger/integrity").with(csrf()), false))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            assertThat(page)
                    .contains("discrepancies found")
                    .contains(id)
                    .contains("country is &quot;KP&quot; in the database but &quot;FR&quot; in ledger entry");
        } finally {
            jdbc.sql("update organisation set country = 'FR' where id = cast(:id as uuid)")
                    .param("id", id)
                    .update();
        }
    }
}
