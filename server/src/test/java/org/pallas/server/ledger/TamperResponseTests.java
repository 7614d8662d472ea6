package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.ReadLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Active tamper response: a row edited behind the application's back is found by the full run and by the
 * incremental run after a batch, stored for every instance to read, turns health DEGRADED, notifies administrators,
 * auditors and oversight once, and is readable by auditors and oversight on /integrity and the API.
 */
@PallasTest
class TamperResponseTests {

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

    @Autowired
    DataSource dataSource;

    @Autowired
    ReadLog readLog;

    private TestCast cast() {
        return new TestCast(jdbc, tokens);
    }

    private String organisation(String name) {
        return organisations
                .create(cast().caller(Who.ADMIN), new OrganisationInput(name, OrganisationKind.EXPORTER, "FR"))
                .id()
                .toString();
    }

    private void rename(String id, String name) {
        jdbc.sql("update organisation set name = :name where id = cast(:id as uuid)")
                .param("id", id)
                .param("name", name)
                .update();
    }

    private long tamperNotices(Who who) {
        return jdbc.sql("select count(*) from notification where user_id = :user and kind = 'tamper'")
                .param("user", cast().userId(who.username))
                .query(Long.class)
                .single();
    }

    private long runs() {
        return jdbc.sql("select count(*) from ledger_integrity_run")
                .query(Long.class)
                .single();
    }

    private MockHttpServletResponse as(Who who, String path, boolean api) throws Exception {
        return mvc.perform(cast().as(who, get(path), api)).andReturn().getResponse();
    }

    private String health() throws Exception {
        return JsonPath.read(
                mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString(), "$.status");
    }

    @Test
    void aRowEditedInTheDatabaseDegradesHealthNotifiesOnceAndIsReadableByAuditorsAndOversight() throws Exception {
        String name = "Tampered Org " + UUID.randomUUID();
        String id = organisation(name);
        sequencer.sequenceAll();
        check.run();
        List<Who> told = List.of(Who.ADMIN, Who.AUDITOR, Who.OVERSIGHT);
        List<Long> before = told.stream().map(this::tamperNotices).toList();
        long exporterBefore = tamperNotices(Who.EXPORTER_A);
        rename(id, "Someone Else Ltd");
        try {
            IntegrityCheck.Report report = check.run();
            assertThat(report.kind()).isEqualTo(IntegrityCheck.Kind.FULL);
            assertThat(report.discrepancies())
                    .anySatisfy(d -> assertThat(d.subjectId()).isEqualTo(id));
            assertThat(check.last())
                    .hasValueSatisfying(last -> assertThat(last.discrepancies()).isEqualTo(report.discrepancies()));

            assertThat(health()).isEqualTo("DEGRADED");
            assertThat(mvc.perform(get("/actuator/health"))
                            .andReturn()
                            .getResponse()
                            .getStatus())
                    .isEqualTo(200);
            assertThat(told.stream().map(this::tamperNotices).toList())
                    .isEqualTo(before.stream().map(n -> n + 1).toList());
            assertThat(tamperNotices(Who.EXPORTER_A)).isEqualTo(exporterBefore);

            // The same discrepancy found again is not news.
            check.run();
            assertThat(told.stream().map(this::tamperNotices).toList())
                    .isEqualTo(before.stream().map(n -> n + 1).toList());

            MockHttpServletResponse api = as(Who.AUDITOR, "/api/v1/ledger/integrity", true);
            assertThat(api.getStatus()).isEqualTo(200);
            assertThat((String) JsonPath.read(api.getContentAsString(), "$.status"))
                    .isEqualTo("DISCREPANCIES");
            assertThat((List<String>) JsonPath.read(api.getContentAsString(), "$.latest.discrepancies[*].subjectId"))
                    .contains(id);
            long oversightReads = readLog.count(
                    "ledger-integrity-run", check.last().orElseThrow().id());
            MockHttpServletResponse page = as(Who.OVERSIGHT, "/integrity", false);
            assertThat(page.getStatus()).isEqualTo(200);
            assertThat(page.getContentAsString())
                    .contains("discrepancies found")
                    .contains(id)
                    .contains("name is &quot;Someone Else Ltd&quot; in the database but &quot;" + name + "&quot;")
                    .doesNotContain("run-check");
            assertThat(readLog.count(
                            "ledger-integrity-run", check.last().orElseThrow().id()))
                    .isEqualTo(oversightReads + 1);
            assertThat(as(Who.EXPORTER_A, "/api/v1/ledger/integrity", true).getStatus())
                    .isEqualTo(403);
            assertThat(as(Who.CASEWORKER, "/integrity", false).getStatus()).isEqualTo(403);
        } finally {
            rename(id, name);
        }
        IntegrityCheck.Report repaired = check.run();
        assertThat(repaired.discrepancies()).noneMatch(d -> d.subjectId().equals(id));
        // Other tests' plain-SQL edits may still disagree; health follows the latest run either way.
        assertThat(health()).isEqualTo(repaired.ok() ? "UP" : "DEGRADED");
    }

    @Test
    void theIncrementalRunAfterABatchNamesARowEditedBeforeItsEntryWasSequenced() {
        // The backlog other tests left first: an incremental run compares at most 256 subjects of its batch.
        sequencer.sequenceAll();
        String name = "Incremental Org " + UUID.randomUUID();
        String id = organisation(name);
        rename(id, "Edited Before Sequencing Ltd");
        long runs = runs();
        try {
            sequencer.sequenceAll();
            IntegrityCheck.Report report = check.last().orElseThrow();
            assertThat(runs()).isEqualTo(runs + 1);
            assertThat(report.kind()).isEqualTo(IntegrityCheck.Kind.INCREMENTAL);
            assertThat(report.discrepancies()).singleElement().satisfies(d -> {
                assertThat(d.subjectType()).isEqualTo("organisation");
                assertThat(d.subjectId()).isEqualTo(id);
                assertThat(d.problem()).startsWith("name is \"Edited Before Sequencing Ltd\" in the database");
            });
        } finally {
            rename(id, name);
        }
        // A clean batch is not stored: only findings and full runs are.
        organisation("Clean Org " + UUID.randomUUID());
        long clean = runs();
        sequencer.sequenceAll();
        assertThat(runs()).isEqualTo(clean);
    }

    @Test
    void theScheduledFullRunRunsOnOneInstanceAtATimeAndNotAgainWithinTheInterval() throws Exception {
        check.run();
        long runs = runs();
        // Another instance's full run just finished: this one skips its round.
        check.scheduled();
        assertThat(runs()).isEqualTo(runs);
        jdbc.sql("update ledger_integrity_run set finished_at = finished_at - interval '1 day'")
                .update();
        // Another instance holds the lock: skip too.
        try (Connection other = dataSource.getConnection();
                Statement sql = other.createStatement()) {
            sql.execute("select pg_advisory_lock(" + IntegrityCheck.LOCK + ")");
            try {
                check.scheduled();
                assertThat(runs()).isEqualTo(runs);
            } finally {
                sql.execute("select pg_advisory_unlock(" + IntegrityCheck.LOCK + ")");
            }
        }
        check.scheduled();
        assertThat(runs()).isEqualTo(runs + 1);
        assertThat(check.last()).hasValueSatisfying(r -> assertThat(r.kind()).isEqualTo(IntegrityCheck.Kind.FULL));
    }
}
