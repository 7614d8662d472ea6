package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.ledger.record.LedgerEntry;
import org.pallas.ledger.record.LedgerRecord;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.IdentityChanged;
import org.pallas.server.identity.Organisation;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.identity.UserInput;
import org.pallas.server.identity.Users;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** Every state change writes exactly one entry, in its own transaction, with confidential facts kept out of it. */
@PallasTest
class LedgerRecordingTests {

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Users users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LedgerStore store;

    @Test
    void recordsExactlyOneEntryPerChangeWithOnlyADigestOfTheConfidentialName() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        String name = "Ledger Recording Org " + UUID.randomUUID();
        Organisation created = organisations.create(
                cast.caller(Who.ADMIN), new OrganisationInput(name, OrganisationKind.EXPORTER, "NL"));

        List<LedgerStore.StoredEntry> recorded =
                store.forSubject("organisation", created.id().toString());
        assertThat(recorded).hasSize(1);
        LedgerStore.StoredEntry stored = recorded.get(0);
        assertThat(stored.type()).isEqualTo("identity.organisation.created");
        String publicText = new String(stored.entry(), StandardCharsets.UTF_8);
        assertThat(publicText)
                .doesNotContain(name)
                .doesNotContain(cast.userId("admin").toString());
        LedgerEntry entry = LedgerEntry.decode(stored.entry());
        assertThat(entry.metadata()).containsEntry("kind", "EXPORTER").containsEntry("country", "NL");
        assertThat(entry.actor()).startsWith("ps1:");

        LedgerRecord full = LedgerRecord.decode(store.record(stored.seq()).orElseThrow());
        assertThat(full.entry()).isEqualTo(entry);
        assertThat(new String(full.payload(), StandardCharsets.UTF_8))
                .contains("\"change\":{\"name\":\"" + name + "\"}")
                .contains("\"state\":{")
                .contains("\"kind\":\"EXPORTER\"");
    }

    @Test
    void noPublicEntryNamesAPersonOrAnOrganisationByItsIdentifier() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        // a fresh organisation, a user in it, and a token issued and revoked: each recorded with identifiers
        Organisation org = organisations.create(
                cast.caller(Who.ADMIN),
                new OrganisationInput("Pseudonymous Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, "FR"));
        String username = "t-" + UUID.randomUUID().toString().substring(0, 12);
        users.create(
                cast.caller(Who.ADMIN),
                new UserInput(
                        org.id(),
                        username,
                        "Test " + username,
                        null,
                        null,
                        Set.of(Role.EXPORTER),
                        "correct horse battery staple 9"));
        AccessTokens.IssuedToken token = tokens.issue(cast.caller(username), "pseudonym check");
        tokens.revoke(cast.caller(username), token.id());

        List<String> identifiers = jdbc.sql("select id::text from app_user union all select id::text from organisation")
                .query(String.class)
                .list();
        assertThat(identifiers)
                .contains(org.id().toString(), cast.userId(username).toString());
        List<String> publicEntries = jdbc.sql("select convert_from(entry, 'UTF8') from ledger_entry")
                .query(String.class)
                .list();
        assertThat(publicEntries).isNotEmpty();
        for (String entry : publicEntries) {
            for (String id : identifiers) {
                assertThat(entry)
                        .as("a public ledger entry names user or organisation " + id)
                        .doesNotContain(id);
            }
        }
        // the user's own changes carry the same pseudonym as subject and as actor: countable, not nameable
        LedgerEntry revoked = LedgerEntry.decode(
                store.forSubject("token", token.id().toString()).get(1).entry());
        LedgerEntry created = LedgerEntry.decode(
                store.forSubject("user", cast.userId(username).toString())
                        .get(0)
                        .entry());
        assertThat(revoked.metadata()).doesNotContainKey("userId");
        assertThat(created.subjectId()).matches("ps1:[0-9a-f]{32}");
        assertThat(created.metadata().get("organisationId")).matches("ps1:[0-9a-f]{32}");
        assertThat(revoked.actor())
                .isEqualTo(LedgerEntry.decode(
                                store.forSubject("user", cast.userId(username).toString())
                                        .get(0)
                                        .entry())
                        .subjectId());
    }

    @Test
    void theSameActorAlwaysGetsTheSamePseudonym() throws Exception {
        TestCast cast = new TestCast(jdbc, tokens);
        Organisation a = organisations.create(
                cast.caller(Who.ADMIN),
                new OrganisationInput("Pseudonym A " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
        Organisation b = organisations.create(
                cast.caller(Who.ADMIN),
                new OrganisationInput("Pseudonym B " + UUID.randomUUID(), OrganisationKind.EXPORTER, ""));
        String actorA = LedgerEntry.decode(store.forSubject("organisation", a.id().toString())
                        .get(0)
                        .entry())
                .actor();
        String actorB = LedgerEntry.decode(store.forSubject("organisation", b.id().toString())
                        .get(0)
                        .entry())
                .actor();
        assertThat(actorA).isEqualTo(actorB).matches("ps1:[0-9a-f]{32}");
    }

    @Test
    void aRolledBackChangeLeavesNoEntry() {
        TestCast cast = new TestCast(jdbc, tokens);
        String name = "Rolled Back Org " + UUID.randomUUID();
        UUID id = tx.execute(status -> {
            Organisation o = organisations.create(
                    cast.caller(Who.ADMIN), new OrganisationInput(name, OrganisationKind.EXPORTER, ""));
            status.setRollbackOnly();
            return o.id();
        });
        assertThat(jdbc.sql("select count(*) from organisation where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(store.forSubject("organisation", id.toString())).isEmpty();
    }

    @Test
    void refusesToRecordAChangeOutsideATransaction() {
        long before = store.countEntries();
        IdentityChanged change = new IdentityChanged.OrganisationUpdated(new RecordedChange.Facts(
                UUID.randomUUID().toString(), null, Instant.parse("2026-11-27T12:00:00Z"), Map.of(), Map.of()));
        assertThatThrownBy(() -> events.publishEvent(change)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(store.countEntries()).isEqualTo(before);
    }
}
