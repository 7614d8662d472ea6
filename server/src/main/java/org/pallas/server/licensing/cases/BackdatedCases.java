package org.pallas.server.licensing.cases;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.ReplayClock;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The licensing domain service on a clock set to the past, for building a realistic case history (demo data, the
 * service-level tests, the load driver): every command still goes through {@link Cases}, the domain authorises it,
 * stores it at its historic time and records it on the ledger. Not a bean; the caller owns the transaction.
 */
public final class BackdatedCases {

    private final ReplayClock clock;
    private final Cases cases;
    private final JdbcClient jdbc;

    public BackdatedCases(Cases cases, JdbcClient jdbc, Instant start) {
        this.clock = new ReplayClock(start);
        this.cases = cases.on(clock);
        this.jdbc = jdbc;
    }

    /** The domain service, acting at the instant last given to {@link #at}. */
    public Cases at(Instant instant) {
        // PostgreSQL keeps microseconds and rounds: a nanosecond instant could come back later than a following
        // command's time and put the replayed history out of order.
        clock.set(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        return cases;
    }

    /** A demo user as a caller (exporter, authority or adviser staff, with the roles and adviser team their account holds). */
    public Caller caller(String username) {
        return jdbc.sql("""
                select u.id, u.display_name, o.id, o.name, o.kind, u.team from app_user u join organisation o on o.id = u.organisation_id
                where u.username = :u""")
                .param("u", username)
                .query((rs, n) -> {
                    UUID userId = rs.getObject(1, UUID.class);
                    Set<Role> roles = Set.copyOf(jdbc
                            .sql("select role from user_role where user_id = :id")
                            .param("id", userId)
                            .query(String.class)
                            .list()
                            .stream()
                            .map(Role::valueOf)
                            .toList());
                    return new Caller(
                            userId,
                            username,
                            rs.getString(2),
                            rs.getObject(3, UUID.class),
                            rs.getString(4),
                            OrganisationKind.valueOf(rs.getString(5)),
                            roles,
                            rs.getString(6) == null ? null : AdviserTeam.valueOf(rs.getString(6)));
                })
                .single();
    }
}
