package org.pallas.server.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The service-level demo history is there, varied and measured: the dashboard has real figures to show. */
@PallasTest
class ServiceLevelDemoSeedTests {

    @Autowired JdbcClient jdbc;
    @Autowired AccessTokens tokens;
    @Autowired ServiceLevels levels;

    @Test
    void seedsSixMonthsOfCasesAcrossRoutesSomeDecidedSomeOpen() {
        assertThat(jdbc.sql("select count(*) from demo_seed where name = :n").param("n", ServiceLevelDemoSeed.class.getName())
                .query(Long.class).single()).isEqualTo(1);
        long historic = jdbc.sql("select count(*) from licensing_case where submitted_at < now() - interval '30 days'")
                .query(Long.class).single();
        assertThat(historic).as("cases submitted more than a month ago").isGreaterThanOrEqualTo(120);
        Map<String, Long> byRoute = jdbc.sql("select coalesce(route, '-'), count(*) from licensing_case group by 1")
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        System.out.println("[service-level seed] cases by route: " + byRoute);
        assertThat(byRoute.keySet()).contains("FAST_TRACK", "STANDARD");
        List<String> statuses = jdbc.sql("select distinct status from licensing_case").query(String.class).list();
        assertThat(statuses).contains("FINALISED", "UNDER_REVIEW");
        // Decisions both within and beyond the 20-day target, and the queue projection is filled in.
        RedTapeReport report = levels.report(levels.period(null, null));
        System.out.println("[service-level seed] overall " + report.overall() + " by route " + report.byRoute()
                + " medians " + report.medianWorkingDaysToDecision() + " backlog " + report.backlog());
        assertThat(report.overall().decided()).isGreaterThanOrEqualTo(80);
        assertThat(report.overall().within20()).isLessThan(report.overall().decided()).isGreaterThan(0);
        assertThat(report.byDestination().size()).isGreaterThanOrEqualTo(10);
        assertThat(jdbc.sql("select count(*) from licensing_case where sla_base is not null").query(Long.class).single())
                .as("open running cases have a service-level position").isPositive();
        // The seeded cases are ordinary cases: a caseworker sees them in the team queue.
        TestCast cast = new TestCast(jdbc, tokens);
        assertThat(levels.dashboard(cast.caller(Who.OVERSIGHT), levels.period(null, null)).overall().decided())
                .isEqualTo(report.overall().decided());
    }
}
