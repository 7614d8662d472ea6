package org.pallas.server.screening;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.RecordedChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ad-hoc screening against the lists in use. Each search is kept in the organisation's search history
 * (name, time, list versions, outcome), visible only within the organisation (and to the authority).
 */
@Service
public class Searches {

    /** A past search. */
    public record PastSearch(
            UUID id,
            UUID userId,
            Instant searchedAt,
            String name,
            String kind,
            List<String> listVersions,
            int matches,
            int alerts) {}

    private final RestrictedPartyScreening screening;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Searches(RestrictedPartyScreening screening, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.screening = screening;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ScreeningResult search(Caller caller, ScreeningQuery query) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "screen names");
        ScreeningResult result = screening.search(query);
        record(
                caller,
                UUID.randomUUID(),
                query.name(),
                query.kind().name(),
                result.listVersions(),
                result.matches().size(),
                (int) result.matches().stream().filter(m -> m.alert()).count());
        return result;
    }

    /** Records a batch run as one history entry (the names stay with the caller who sent them). */
    @Transactional
    public void recordBatch(Caller caller, int rows, int matches, int alerts) {
        record(
                caller,
                UUID.randomUUID(),
                "(batch of " + rows + " names)",
                "BATCH",
                screening.listVersions(),
                matches,
                alerts);
    }

    /** Records a finished batch job of the batch page under the job's id (one history entry, one ledger entry). */
    @Transactional
    public void recordBatch(Caller caller, UUID jobId, String label, List<String> versions, int matches, int alerts) {
        record(caller, jobId, label, "BATCH", versions, matches, alerts);
    }

    @Transactional(readOnly = true)
    public List<PastSearch> history(Caller caller) {
        ScreeningAccess.require(caller, ScreeningAccess.READERS, "read the search history");
        return jdbc.sql("""
                select * from screening_search where (cast(:scope as uuid) is null or organisation_id = :scope)
                order by searched_at desc, id limit 200""")
                .param("scope", caller.organisationScope())
                .query((rs, n) -> new PastSearch(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getTimestamp("searched_at").toInstant(),
                        rs.getString("name"),
                        rs.getString("kind"),
                        PartyRegister.lines(rs.getString("list_versions")),
                        rs.getInt("matches"),
                        rs.getInt("alerts")))
                .list();
    }

    private void record(
            Caller caller, UUID id, String name, String kind, List<String> versions, int matches, int alerts) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into screening_search (id, organisation_id, user_id, searched_at, name, kind, list_versions, matches, alerts)
                values (:id, :org, :user, :at, :name, :kind, :versions, :matches, :alerts)""")
                .param("id", id)
                .param("org", caller.organisationId())
                .param("user", caller.userId())
                .param("at", Timestamp.from(now))
                .param("name", name)
                .param("kind", kind)
                .param("versions", String.join("\n", versions))
                .param("matches", matches)
                .param("alerts", alerts)
                .update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("organisationId", caller.organisationId().toString());
        facts.put("listVersions", versions);
        facts.put("matches", matches);
        facts.put("alerts", alerts);
        events.publishEvent(new ScreeningChanged.SearchPerformed(
                new RecordedChange.Facts(id.toString(), caller.userId(), now, facts, Map.of("name", name))));
    }
}
