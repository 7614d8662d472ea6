package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/** Demo data: seeded in embedded mode, never against an external database unless asked for. */
@PallasTest
class DemoSeedingTests {

    @Autowired JdbcClient jdbc;

    @Test
    void demoModeFollowsTheDatabaseUnlessSetExplicitly() {
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment())).as("embedded").isTrue();
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/pallas")))
                .as("external database").isFalse();
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/pallas")
                .withProperty("pallas.demo.enabled", "true"))).as("external, asked for").isTrue();
        assertThat(DemoSeeding.demoEnabled(new MockEnvironment().withProperty("pallas.demo.enabled", "false")))
                .as("embedded, switched off").isFalse();
    }

    @Test
    void theIdentitySeedRanOnceAndCreatedTheDemoCast() {
        assertThat(jdbc.sql("select count(*) from demo_seed where name = 'identity'").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select kind from organisation where name in ('Northbridge Security Ltd', 'Calder Forensics GmbH')")
                .query(String.class).list()).containsExactly("EXPORTER", "EXPORTER");
        assertThat(jdbc.sql("""
                select u.username || ':' || r.role from app_user u join user_role r on r.user_id = u.id
                where u.username in ('caseworker','senior','admin','adviser.hr','adviser.ns','oversight','auditor')""")
                .query(String.class).list()).containsExactlyInAnyOrder("caseworker:CASEWORKER", "senior:SENIOR_OFFICER",
                "admin:ADMIN", "adviser.hr:ADVISER", "adviser.ns:ADVISER", "oversight:OVERSIGHT", "auditor:AUDITOR");
        assertThat(jdbc.sql("select team from app_user where username like 'adviser.%' order by username").query(String.class).list())
                .containsExactly("DEFENCE", "HUMAN_RIGHTS", "NATIONAL_SECURITY");
        assertThat(jdbc.sql("""
                select count(*) from app_user u join organisation o on o.id = u.organisation_id
                where o.name in ('Northbridge Security Ltd', 'Calder Forensics GmbH') and u.username not like 't-%'
                  and u.username not like 'matrix-%' and u.username not like 'page-%'""").query(Long.class).single())
                .isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("select o.kind from app_user u join organisation o on o.id = u.organisation_id where u.username = 'civil.society'")
                .query(String.class).single()).isEqualTo("CIVIL_SOCIETY");
    }
}
