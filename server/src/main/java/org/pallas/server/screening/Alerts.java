package org.pallas.server.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.pallas.screening.ListEntry;
import org.pallas.screening.ScreeningMatch;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange.Facts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts and their review. One alert per party and list entry: raised when a screening scores the
 * entry at or above the threshold, reopened when a cleared (or lapsed) alert's entry changes, lapsed when
 * the entry leaves the list. Review confirms the match or clears it with a reason; each change is a
 * {@link ScreeningChanged} for the ledger.
 */
@Service
public class Alerts {

    private static final String SELECT = """
            select a.*, p.name as party_name from screening_alert a join screening_party p on p.id = a.party_id
            """;

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;

    Alerts(JdbcClient jdbc, ApplicationEventPublisher events, ReadLog readLog, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
    }

    /** The caller's alerts with the given status (null: all), oldest first, as a work queue. */
    @Transactional(readOnly = true)
    public List<Alert> queue(Caller caller, String status) {
        ScreeningAccess.require(caller, ScreeningAccess.READERS, "read screening alerts");
        return jdbc.sql(SELECT + """
                where (cast(:scope as uuid) is null or a.organisation_id = :scope)
                  and (cast(:status as text) is null or a.status = :status)
                order by a.raised_at, a.id limit 500""")
                .param("scope", caller.organisationScope())
                .param("status", status)
                .query(Alerts::alert)
                .list();
    }

    /** The alerts of one party the caller may see. */
    @Transactional(readOnly = true)
    public List<Alert> ofParty(Caller caller, UUID partyId) {
        ScreeningAccess.require(caller, ScreeningAccess.READERS, "read screening alerts");
        return jdbc.sql(
                        SELECT
                                + " where a.party_id = :party and (cast(:scope as uuid) is null or a.organisation_id = :scope) order by a.score desc, a.id")
                .param("party", partyId)
                .param("scope", caller.organisationScope())
                .query(Alerts::alert)
                .list();
    }

    /**
     * The alerts of registered parties, strongest match first, for the module that registered them on a case (the
     * authority's case page shows its parties' matched entries); that module checks who may read the case, so this
     * read is not scoped to the caller.
     */
    @Transactional(readOnly = true)
    public List<Alert> ofParties(java.util.Collection<UUID> partyIds) {
        if (partyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where a.party_id in (:parties) order by a.score desc, a.id")
                .param("parties", partyIds)
                .query(Alerts::alert)
                .list();
    }

    /** An alert the caller may see; 404 for another organisation's alert as for a missing one. */
    @Transactional // not read-only: oversight reads are logged
    public Alert find(Caller caller, UUID id) {
        ScreeningAccess.require(caller, ScreeningAccess.READERS, "read screening alerts");
        Alert alert = jdbc.sql(
                        SELECT + " where a.id = :id and (cast(:scope as uuid) is null or a.organisation_id = :scope)")
                .param("id", id)
                .param("scope", caller.organisationScope())
                .query(Alerts::alert)
                .optional()
                .orElseThrow(() -> new NotFoundException("Alert", id));
        readLog.record(caller, "screening-alert", id);
        return alert;
    }

    /** Confirms a true match: the party is the listed entry (an optional note says how this was established). */
    @Transactional
    public Alert confirm(Caller caller, UUID id, String note) {
        return decide(
                caller,
                id,
                "CONFIRMED",
                note == null || note.isBlank() ? null : note.strip(),
                ScreeningChanged.AlertConfirmed::new);
    }

    /** Clears a false positive; the reason is required and recorded. */
    @Transactional
    public Alert clear(Caller caller, UUID id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why the alert is a false positive");
        }
        if (reason.length() > 2000) {
            throw new InvalidInputException("reason", "Reason must be 2000 characters or fewer");
        }
        return decide(caller, id, "CLEARED", reason.strip(), ScreeningChanged.AlertCleared::new);
    }

    private Alert decide(Caller caller, UUID id, String status, String reason, Function<Facts, ScreeningChanged> type) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "review screening alerts");
        Alert before = find(caller, id);
        ScreeningAccess.requireOwn(caller, before.organisationId(), "decide another organisation's alert");
        if (!before.status().equals("OPEN")) {
            throw new InvalidInputException(
                    "status", "Only an open alert can be decided; this one is " + before.status());
        }
        Instant now = clock.instant();
        jdbc.sql("""
                update screening_alert set status = :status, reason = :reason, decided_by = :by, decided_at = :at, updated_at = :at
                where id = :id""")
                .param("status", status)
                .param("reason", reason)
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .param("id", id)
                .update();
        Alert after = find(caller, id);
        events.publishEvent(change(type, after, caller.userId(), now, reason));
        return after;
    }

    /** The columns a match sets on its alert, the same when it is raised and when its entry changes. */
    private static Map<String, Object> matchColumns(ScreeningMatch match, String listVersions) {
        return Map.of(
                "listed", match.listedName(),
                "matched", match.matchedName(),
                "score", match.score(),
                "explanation", String.join("\n", match.explanation()),
                "version", listVersions);
    }

    /** Records an alerting match of a screening: raises a new alert, or reopens one whose entry changed. */
    void raise(Party party, ScreeningMatch match, String listVersions, UUID actor) {
        String digest = match.entry().digest();
        Instant now = clock.instant();
        Optional<Alert> existing = jdbc.sql(
                        SELECT + " where a.party_id = :party and a.source = :source and a.entry_id = :entry")
                .param("party", party.id())
                .param("source", match.source())
                .param("entry", match.entryId())
                .query(Alerts::alert)
                .optional();
        String previousDigest = existing.isEmpty()
                ? null
                : jdbc.sql("select entry_digest from screening_alert where id = :id")
                        .param("id", existing.get().id())
                        .query(String.class)
                        .single();
        Function<Facts, ScreeningChanged> type;
        if (existing.isEmpty()) {
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into screening_alert (id, party_id, organisation_id, source, entry_id, entry_digest, listed_name,
                        matched_name, score, explanation, list_version, status, raised_at, updated_at)
                    values (:id, :party, :org, :source, :entry, :digest, :listed, :matched, :score, :explanation, :version,
                        'OPEN', :at, :at)""")
                    .param("id", id)
                    .param("party", party.id())
                    .param("org", party.organisationId())
                    .param("source", match.source())
                    .param("entry", match.entryId())
                    .param("digest", digest)
                    .params(matchColumns(match, listVersions))
                    .param("at", Timestamp.from(now))
                    .update();
            type = ScreeningChanged.AlertRaised::new;
            existing = Optional.of(load(id));
        } else {
            Alert alert = existing.get();
            boolean entryChanged = !digest.equals(previousDigest);
            boolean reopen = (alert.status().equals("CLEARED") && entryChanged)
                    || alert.status().equals("LAPSED");
            if (!reopen && !entryChanged) {
                return; // the same entry matched again: the open or decided alert stands
            }
            jdbc.sql("""
                    update screening_alert set entry_digest = :digest, listed_name = :listed, matched_name = :matched,
                        score = :score, explanation = :explanation, list_version = :version, updated_at = :at,
                        status = case when :reopen then 'OPEN' else status end,
                        reason = case when :reopen then null else reason end,
                        decided_by = case when :reopen then null else decided_by end,
                        decided_at = case when :reopen then null else decided_at end
                    where id = :id""")
                    .param("digest", digest)
                    .params(matchColumns(match, listVersions))
                    .param("at", Timestamp.from(now))
                    .param("reopen", reopen)
                    .param("id", alert.id())
                    .update();
            type = reopen ? ScreeningChanged.AlertReopened::new : ScreeningChanged.AlertUpdated::new;
            existing = Optional.of(load(alert.id()));
        }
        events.publishEvent(change(type, existing.get(), actor, now, null));
    }

    /** Lapses open and confirmed alerts on entries that left the list (removed or delisted) in {@code version}. */
    void lapse(List<ListEntry> removed, String version) {
        Instant now = clock.instant();
        for (ListEntry entry : removed) {
            List<Alert> affected = jdbc.sql(SELECT
                            + " where a.source = :source and a.entry_id = :entry and a.status in ('OPEN', 'CONFIRMED')")
                    .param("source", entry.source())
                    .param("entry", entry.id())
                    .query(Alerts::alert)
                    .list();
            for (Alert alert : affected) {
                String reason = "The entry is no longer listed in " + version;
                jdbc.sql(
                                "update screening_alert set status = 'LAPSED', reason = :reason, updated_at = :at where id = :id")
                        .param("reason", reason)
                        .param("at", Timestamp.from(now))
                        .param("id", alert.id())
                        .update();
                events.publishEvent(change(ScreeningChanged.AlertLapsed::new, load(alert.id()), null, now, reason));
            }
        }
    }

    private Alert load(UUID id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(Alerts::alert)
                .single();
    }

    private static ScreeningChanged change(
            Function<Facts, ScreeningChanged> type, Alert alert, UUID actor, Instant at, String reason) {
        Map<String, Object> pub = new LinkedHashMap<>();
        pub.put("organisationId", alert.organisationId().toString());
        pub.put("partyId", alert.partyId().toString());
        pub.put("source", alert.source());
        pub.put("status", alert.status());
        pub.put("listVersions", alert.listVersion());
        // which listed entry an exporter's customer matched, and how closely, is the exporter's confidential business
        Map<String, Object> confidential = new LinkedHashMap<>();
        confidential.put("entryId", alert.entryId());
        confidential.put("score", alert.score());
        confidential.put("partyName", alert.partyName());
        confidential.put("explanation", alert.explanation());
        if (reason != null) {
            confidential.put("reason", reason);
        }
        return type.apply(new Facts(alert.id().toString(), actor, at, pub, confidential));
    }

    static Alert alert(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Alert(
                rs.getObject("id", UUID.class),
                rs.getObject("party_id", UUID.class),
                rs.getString("party_name"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("source"),
                rs.getString("entry_id"),
                rs.getString("listed_name"),
                rs.getString("matched_name"),
                rs.getDouble("score"),
                PartyRegister.lines(rs.getString("explanation")),
                rs.getString("list_version"),
                rs.getString("status"),
                rs.getString("reason"),
                rs.getObject("decided_by", UUID.class),
                decided == null ? null : decided.toInstant(),
                rs.getTimestamp("raised_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
