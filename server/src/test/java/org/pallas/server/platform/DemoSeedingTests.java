package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/** Demo data: seeded in embedded mode, never against an external database unless asked for. */
@PallasTest
class DemoSeedingTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    /** Stands for the screening module's "lists loaded" event. */
    record ListsReady() {}

    /** A seed that notes when it runs (shared log) and writes nothing else. */
    record Recording(String name, int order, Class<?> runsAfter, List<String> log) implements DemoSeed {
        @Override
        public void seed() {
            log.add(name);
        }
    }

    /** A fresh pair per test (a new instance each): one seed of the start, one that waits, ordered before it. */
    private final List<String> log = new ArrayList<>();

    private final Recording early = new Recording(unique("early"), 10, null, log);
    private final Recording late = new Recording(unique("late"), 5, ListsReady.class, log);

    private static String unique(String what) {
        return "test-" + what + "-" + UUID.randomUUID();
    }

    private DemoSeeding seeding(DemoSeed... seeds) {
        return new DemoSeeding(List.of(seeds), jdbc, tx, Clock.systemUTC(), true);
    }

    private static PayloadApplicationEvent<Object> published(Object payload) {
        return new PayloadApplicationEvent<>(DemoSeedingTests.class, payload);
    }

    @Test
    void aSeedWaitingForAnEventRunsWhenItIsPublishedOnceAndNotAtStart() {
        DemoSeeding seeding = seeding(late, early);

        seeding.run(null);
        assertThat(log).as("at start only the seed that waits for nothing").containsExactly(early.name());
        assertThat(seeding.supportsEventType(
                        ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, ListsReady.class)))
                .isTrue();
        assertThat(seeding.supportsEventType(
                        ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, String.class)))
                .as("other events are not listened to")
                .isFalse();
        seeding.onApplicationEvent(published("something else"));
        assertThat(log).containsExactly(early.name());

        seeding.onApplicationEvent(published(new ListsReady()));
        seeding.onApplicationEvent(published(new ListsReady()));
        assertThat(log).as("once, when the event comes").containsExactly(early.name(), late.name());
        assertThat(jdbc.sql("select count(*) from demo_seed where name in (:names)")
                        .param("names", List.of(early.name(), late.name()))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void anEventPublishedBeforeTheStartStillLetsTheStartSeedsRunFirst() {
        DemoSeeding seeding = seeding(late, early);

        seeding.onApplicationEvent(published(new ListsReady()));
        assertThat(log).as("nothing runs before the start").isEmpty();
        seeding.run(null);
        assertThat(log).containsExactly(early.name(), late.name());
    }

    @Test
    void aRestartOrASecondInstanceDoesNotSeedAgain() {
        DemoSeeding first = seeding(early, late);
        first.run(null);
        first.onApplicationEvent(published(new ListsReady()));

        DemoSeeding second = seeding(early, late);
        second.run(null);
        second.onApplicationEvent(published(new ListsReady()));
        assertThat(log).as("each seed once across both").containsExactly(early.name(), late.name());
    }

    @Test
    void switchedOffDemoModeSeedsNothingAndListensToNothing() {
        DemoSeeding off = new DemoSeeding(List.of(early, late), jdbc, tx, Clock.systemUTC(), false);
        off.run(null);
        off.onApplicationEvent(published(new ListsReady()));
        assertThat(log).isEmpty();
        assertThat(off.supportsEventType(
                        ResolvableType.forClassWithGenerics(PayloadApplicationEvent.class, ListsReady.class)))
                .isFalse();
    }

    @Test
    void demoModeFollowsTheDatabaseUnlessSetExplicitly() {
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment()))
                .as("embedded")
                .isTrue();
        assertThat(DemoSeeding.demoEnabled(
                        new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/pallas")))
                .as("external database")
                .isFalse();
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment()
                        .withProperty("spring.datasource.url", "jdbc:postgresql://db/pallas")
                        .withProperty("pallas.demo.enabled", "true")))
                .as("external, asked for")
                .isTrue();
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment().withProperty("pallas.demo.enabled", "false")))
                .as("embedded, switched off")
                .isFalse();
    }

    @Test
    void theIdentitySeedRanOnceAndCreatedTheDemoCast() {
        assertThat(jdbc.sql("select count(*) from demo_seed where name = 'identity'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql(
                                "select kind from organisation where name in ('Northbridge Security Ltd', 'Calder Forensics GmbH')")
                        .query(String.class)
                        .list())
                .containsExactly("EXPORTER", "EXPORTER");
        assertThat(jdbc.sql("""
                select u.username || ':' || r.role from app_user u join user_role r on r.user_id = u.id
                where u.username in ('caseworker','caseworker.two','senior','admin','adviser.hr','adviser.ns','oversight','auditor')""").query(String.class).list())
                .containsExactlyInAnyOrder(
                        "caseworker:CASEWORKER",
                        "caseworker.two:CASEWORKER",
                        "senior:SENIOR_OFFICER",
                        "admin:ADMIN",
                        "adviser.hr:ADVISER",
                        "adviser.ns:ADVISER",
                        "oversight:OVERSIGHT",
                        "auditor:AUDITOR");
        assertThat(jdbc.sql("select team from app_user where username like 'adviser.%' order by username")
                        .query(String.class)
                        .list())
                .containsExactly("DEFENCE", "HUMAN_RIGHTS", "NATIONAL_SECURITY");
        assertThat(jdbc.sql("""
                select count(*) from app_user u join organisation o on o.id = u.organisation_id
                where o.name in ('Northbridge Security Ltd', 'Calder Forensics GmbH') and u.username not like 't-%'
                  and u.username not like 'matrix-%' and u.username not like 'page-%'""").query(Long.class).single()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql(
                                "select o.kind from app_user u join organisation o on o.id = u.organisation_id where u.username = 'civil.society'")
                        .query(String.class)
                        .single())
                .isEqualTo("CIVIL_SOCIETY");
    }
}
