package org.pallas.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.RecordedChanges;
import org.pallas.server.TestCast;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every identity change publishes exactly one RecordedChange, inside the transaction that makes it. */
@PallasTest
class IdentityEventsTests {

    @Autowired
    Organisations organisations;

    @Autowired
    Users users;

    @Autowired
    AccessTokens tokens;

    @Autowired
    RecordedChanges recorded;

    @Autowired
    JdbcClient jdbc;

    private Caller admin;

    @BeforeEach
    void admin() {
        admin = new TestCast(jdbc, tokens).caller("admin");
    }

    private RecordedChange exactlyOne(String type, Runnable action) {
        int mark = recorded.mark();
        action.run();
        List<RecordedChanges.Seen> seen = recorded.since(mark);
        assertThat(seen).as(type).hasSize(1);
        assertThat(seen.get(0).inTransaction())
                .as("published inside the transaction")
                .isTrue();
        RecordedChange change = seen.get(0).change();
        assertThat(change.type()).isEqualTo(type);
        assertThat(change.occurredAt()).isNotNull().isBefore(Instant.now().plusSeconds(1));
        return change;
    }

    private <T> T capture(Supplier<T> supplier, Object[] out) {
        T value = supplier.get();
        out[0] = value;
        return value;
    }

    @Test
    void organisationCreatedAndUpdatedEachPublishOneChange() {
        Object[] created = new Object[1];
        RecordedChange c = exactlyOne(
                "identity.organisation.created",
                () -> capture(
                        () -> organisations.create(
                                admin,
                                new OrganisationInput(
                                        "Events Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, "NL")),
                        created));
        Organisation org = (Organisation) created[0];
        assertThat(c.subjectType()).isEqualTo("organisation");
        assertThat(c.subjectId()).isEqualTo(org.id().toString());
        assertThat(c.actorUserId()).isEqualTo(admin.userId());
        assertThat(c.publicMetadata()).containsEntry("kind", "EXPORTER").containsEntry("country", "NL");
        assertThat(c.confidentialPayload()).containsEntry("name", org.name());

        RecordedChange u = exactlyOne(
                "identity.organisation.updated",
                () -> organisations.update(
                        admin, org.id(), new OrganisationInput(org.name() + " BV", OrganisationKind.EXPORTER, "NL")));
        assertThat(u.subjectId()).isEqualTo(org.id().toString());
    }

    @Test
    void userLifecyclePublishesOneChangePerStep() {
        Organisation org = organisations.create(
                admin, new OrganisationInput("Lifecycle Org " + UUID.randomUUID(), OrganisationKind.EXPORTER, null));
        Object[] created = new Object[1];
        String username = "life-" + UUID.randomUUID().toString().substring(0, 8);
        RecordedChange c = exactlyOne(
                "identity.user.created",
                () -> capture(
                        () -> users.create(
                                admin,
                                new UserInput(
                                        org.id(),
                                        username,
                                        "Lee Life",
                                        null,
                                        null,
                                        Set.of(Role.EXPORTER),
                                        "correct horse battery")),
                        created));
        UserAccount user = (UserAccount) created[0];
        assertThat(c.subjectId()).isEqualTo(user.id().toString());
        assertThat(c.publicMetadata()).containsEntry("roles", List.of("EXPORTER"));
        assertThat(c.confidentialPayload()).containsEntry("username", username);

        exactlyOne(
                "identity.user.updated",
                () -> users.update(admin, user.id(), new UserChange("Lee Life-Long", null, null)));
        RecordedChange roles =
                exactlyOne("identity.user.roles-changed", () -> users.changeRoles(admin, user.id(), Set.of()));
        assertThat(roles.publicMetadata())
                .containsEntry("from", List.of("EXPORTER"))
                .containsEntry("to", List.of());
        exactlyOne("identity.user.disabled", () -> users.setEnabled(admin, user.id(), false));
        exactlyOne("identity.user.enabled", () -> users.setEnabled(admin, user.id(), true));

        Caller self = new TestCast(jdbc, tokens).caller(username);
        RecordedChange pw = exactlyOne(
                "identity.user.password-changed",
                () -> users.changePassword(self, "correct horse battery", "correct horse battery staple"));
        assertThat(pw.actorUserId()).isEqualTo(user.id());
        assertThat(pw.publicMetadata()).isEmpty();
        assertThat(pw.confidentialPayload()).isEmpty();
    }

    @Test
    void tokenCreatedAndRevokedEachPublishOneChangeWithoutTheSecret() {
        Caller caller = new TestCast(jdbc, tokens).caller("auditor");
        Object[] issued = new Object[1];
        RecordedChange c =
                exactlyOne("identity.token.created", () -> capture(() -> tokens.issue(caller, "events"), issued));
        AccessTokens.IssuedToken token = (AccessTokens.IssuedToken) issued[0];
        assertThat(c.subjectId()).isEqualTo(token.id().toString());
        assertThat(c.publicMetadata().toString() + c.confidentialPayload()).doesNotContain(token.token());
        exactlyOne("identity.token.revoked", () -> tokens.revoke(caller, token.id()));
    }

    @Test
    void aRejectedChangePublishesNothing() {
        int mark = recorded.mark();
        assertThatThrownBy(() -> organisations.create(
                        admin, new OrganisationInput("Northbridge Security Ltd", OrganisationKind.EXPORTER, "GB")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(recorded.since(mark)).isEmpty();
    }
}
