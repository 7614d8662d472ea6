package org.pallas.server.licensing.licences;

import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pallas.licensing.Actor;
import org.pallas.licensing.Case;
import org.pallas.licensing.Licence;
import org.pallas.licensing.LicenceCommand;
import org.pallas.licensing.LicenceEvent;
import org.pallas.licensing.LicenceStatus;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Party;
import org.pallas.licensing.ReplayClock;
import org.pallas.licensing.ReportingDuty;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.licensing.UsageKind;
import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.licensing.cases.CommandLog;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.RecordedEntries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * PostgreSQL storage of licences: the ordered commands (the source of truth, replayed through {@link Licence} to
 * rebuild it), and the projections written with them (the licence row, its event history and its parties). Every
 * read takes the organisation scope so that one exporter never reads another's licence.
 */
@Repository
public class LicenceStore {

    /**
     * The duties every licence carries: the holder reports use in Pallas (the record the authority relies on for
     * quantities of intangibles), and tells the authority of indications of misuse (UK-SUSPEND: circumstances that
     * may suspend or revoke the licence; PMP-ACC-2).
     */
    static final List<ReportingDuty> STANDARD_DUTIES = List.of(
            new ReportingDuty(
                    "Report every delivery, seat activation, update pushed and support session in Pallas"
                            + " within 30 days of it",
                    Period.ofMonths(1)),
            new ReportingDuty(
                    "Confirm once a year that the end user still complies with the end-user undertaking",
                    Period.ofYears(1)));

    public record Issued(UUID id, String reference, Licence licence) {}

    /** A licence as listed to its holder and the authority. */
    public record Summary(
            UUID id,
            String reference,
            UUID caseId,
            String status,
            LocalDate validFrom,
            LocalDate validUntil,
            List<String> conditions) {}

    /** A licence rebuilt from its commands, with the clock it runs on and the next command number. */
    record Loaded(
            UUID id,
            Licence licence,
            String reference,
            UUID organisationId,
            String organisationName,
            String caseReference,
            ReplayClock clock,
            int nextSeq) {}

    /** One line of a licence's history. */
    record HistoryLine(
            int seq, String event, LicenceStatus from, LicenceStatus to, String actor, String reason, Instant at) {}

    /** A row of the licence lists. */
    record Row(
            UUID id,
            String reference,
            String organisation,
            String caseReference,
            LicenceType type,
            LicenceStatus status,
            LocalDate validFrom,
            LocalDate validUntil,
            int reviewFlags,
            Instant lastActivity) {}

    /**
     * The entry every licence issued through Pallas has. A licence row without it (inserted straight into the
     * database) is not honoured: not listed, not shown, not loaded for any change.
     */
    static final String ISSUED = "licensing.licence.issued";

    private final JdbcClient jdbc;
    private final CommandLog<LicenceCommand> log;
    private final CaseStore cases;
    private final RecordedEntries recorded;

    LicenceStore(JdbcClient jdbc, CaseStore cases, RecordedEntries recorded) {
        this.jdbc = jdbc;
        this.recorded = recorded;
        this.log = new CommandLog<>(jdbc, "licensing_licence_command", "licence_id", LicenceCommand.class);
        this.cases = cases;
    }

    public Issued issue(Actor actor, Caller caller, Case approved, Clock clock) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ServiceLevelClock.UK);
        Licence licence = Licence.issue(actor, id.toString(), approved, today, STANDARD_DUTIES, clock);
        String reference = "LIC-" + approved.caseId().substring(0, 8).toUpperCase(Locale.ROOT);
        jdbc.sql("""
                insert into licensing_licence (id, reference, case_id, organisation_id, status, valid_from, valid_until,
                    conditions, issued_by, issued_at, after_sales_until, allowed, used, reporting_duties)
                select :id, :ref, c.id, c.organisation_id, :status, :from, :until, cast(:conditions as jsonb), :by, :at,
                    :afterSales, cast(:allowed as jsonb), cast(:used as jsonb), cast(:duties as jsonb)
                from licensing_case c where c.id = :case""")
                .param("id", id)
                .param("ref", reference)
                .param("status", licence.status().name())
                .param("from", licence.validFrom())
                .param("until", licence.validUntil())
                .param("conditions", CaseStore.JSON.writeValueAsString(licence.conditions()))
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .param("afterSales", licence.afterSalesUntil())
                .param("allowed", CaseStore.JSON.writeValueAsString(licence.allowed()))
                .param("used", CaseStore.JSON.writeValueAsString(used(licence)))
                .param("duties", CaseStore.JSON.writeValueAsString(licence.reportingDuties()))
                .param("case", UUID.fromString(approved.caseId()))
                .update();
        append(id, 0, new LicenceCommand.Issue(today, STANDARD_DUTIES), actor, now);
        history(id, 0, licence.history().get(0));
        for (Party p : licence.parties()) {
            jdbc.sql("""
                    insert into licensing_licence_party (licence_id, party_id, role, name, name_key, country)
                    values (:id, :party, :role, :name, :key, :country)""")
                    .param("id", id)
                    .param("party", p.partyId())
                    .param("role", p.role().name())
                    .param("name", p.name() == null ? "" : p.name())
                    .param("key", nameKey(p.name()))
                    .param("country", p.countryCode())
                    .update();
        }
        return new Issued(id, reference, licence);
    }

    /** Case-, accent- and spacing-insensitive key of a party name, to find the same end user on other licences. */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        return folded.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    static Map<UsageKind, Long> used(Licence licence) {
        Map<UsageKind, Long> used = new EnumMap<>(UsageKind.class);
        for (UsageKind k : UsageKind.values()) {
            used.put(k, licence.used(k));
        }
        return used;
    }

    void append(UUID id, int seq, LicenceCommand command, Actor actor, Instant at) {
        log.append(id, seq, command, actor, at);
    }

    /** Writes the projections of a change: the licence row (status, used quantities, flags) and the history line. */
    void project(Loaded loaded, LicenceEvent event, int seq) {
        Licence l = loaded.licence();
        jdbc.sql("""
                update licensing_licence set status = :status, used = cast(:used as jsonb), review_flags = :flags,
                    revision = revision + 1
                where id = :id""")
                .param("status", l.status().name())
                .param("used", CaseStore.JSON.writeValueAsString(used(l)))
                .param("flags", l.reviewFlags().size())
                .param("id", loaded.id())
                .update();
        history(loaded.id(), seq, event);
    }

    private void history(UUID id, int seq, LicenceEvent event) {
        LicenceEvent.Change ch = event.change();
        String reason = ch.reason() == null ? "" : ch.reason();
        jdbc.sql("""
                insert into licensing_licence_event (licence_id, seq, event, from_status, to_status, actor_id, reason, at)
                values (:id, :seq, :event, :from, :to, :actor, :reason, :at)""")
                .param("id", id)
                .param("seq", seq)
                .param("event", event.getClass().getSimpleName())
                .param("from", ch.from().name())
                .param("to", ch.to().name())
                .param("actor", ch.actor().id())
                .param("reason", reason.length() > 4000 ? reason.substring(0, 4000) : reason)
                .param("at", Timestamp.from(ch.at()))
                .update();
    }

    /**
     * Rebuilds the licence if it exists and {@code scope} (an organisation, or null for cross-organisation readers)
     * may see it; locks its row when {@code forUpdate}, so that two changes apply one after the other.
     */
    public Optional<Loaded> load(UUID id, UUID scope, boolean forUpdate) {
        Optional<Object[]> head = jdbc.sql("""
                select l.case_id, l.reference, l.organisation_id, o.name, c.reference from licensing_licence l
                join organisation o on o.id = l.organisation_id join licensing_case c on c.id = l.case_id
                where l.id = :id and (cast(:scope as uuid) is null or l.organisation_id = :scope)""" + (forUpdate ? " for update of l" : ""))
                .param("id", id)
                .param("scope", scope)
                .query((rs, n) -> new Object[] {
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getString(5)
                })
                .optional();
        if (head.isEmpty() || !recorded.holds(ISSUED, "licence", id.toString())) {
            return Optional.empty();
        }
        List<CommandLog.Stored> commands = log.read(id);
        Case approved =
                cases.load((UUID) head.get()[0], null, false).orElseThrow().c();
        CommandLog.Stored first = commands.get(0);
        ReplayClock clock = new ReplayClock(first.at());
        LicenceCommand.Issue issue = log.command(first, LicenceCommand.Issue.class);
        Licence licence = Licence.issue(
                log.actor(first), id.toString(), approved, issue.validFrom(), issue.reportingDuties(), clock);
        for (CommandLog.Stored stored : commands.subList(1, commands.size())) {
            LicenceCommand command = log.command(stored);
            clock.set(stored.at());
            command.applyTo(licence, log.actor(stored));
        }
        return Optional.of(new Loaded(
                id,
                licence,
                (String) head.get()[1],
                (UUID) head.get()[2],
                (String) head.get()[3],
                (String) head.get()[4],
                clock,
                commands.size()));
    }

    /** The licence issued for a case, if the scope (organisation, or null for authority) may see it. */
    public Optional<Summary> forCase(UUID caseId, UUID scope) {
        return jdbc.sql("""
                select id, reference, case_id, status, valid_from, valid_until, conditions::text from licensing_licence
                where case_id = :case and (cast(:scope as uuid) is null or organisation_id = :scope)""")
                .param("case", caseId)
                .param("scope", scope)
                .query((rs, n) -> new Summary(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        List.of(CaseStore.JSON.readValue(rs.getString(7), String[].class))))
                .optional()
                .filter(l -> recorded.holds(ISSUED, "licence", l.id().toString()));
    }

    /**
     * Licences the scope may see, the most recently active first (the last event: issue, use, suspension...);
     * {@code flaggedOnly} for the authority's review queue.
     */
    List<Row> list(UUID scope, boolean flaggedOnly) {
        List<Row> rows = jdbc.sql("""
                select l.id, l.reference, o.name, c.reference, c.licence_type, l.status, l.valid_from, l.valid_until,
                    l.review_flags, coalesce(e.last_at, l.issued_at) as last_activity
                from licensing_licence l join organisation o on o.id = l.organisation_id
                join licensing_case c on c.id = l.case_id
                left join lateral (select max(at) as last_at from licensing_licence_event where licence_id = l.id) e on true
                where (cast(:scope as uuid) is null or l.organisation_id = :scope)
                  and (not :flagged or l.review_flags > 0)
                order by last_activity desc, l.reference limit 500""")
                .param("scope", scope)
                .param("flagged", flaggedOnly)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        LicenceType.valueOf(rs.getString(5)),
                        LicenceStatus.valueOf(rs.getString(6)),
                        rs.getObject(7, LocalDate.class),
                        rs.getObject(8, LocalDate.class),
                        rs.getInt(9),
                        rs.getTimestamp(10).toInstant()))
                .list();
        Set<String> issued = recorded.holding(
                ISSUED, "licence", rows.stream().map(r -> r.id().toString()).toList());
        return rows.stream().filter(r -> issued.contains(r.id().toString())).toList();
    }

    List<HistoryLine> history(UUID id) {
        return jdbc.sql("""
                select e.seq, e.event, e.from_status, e.to_status, coalesce(u.display_name, e.actor_id), e.reason, e.at
                from licensing_licence_event e left join app_user u on u.id::text = e.actor_id
                where e.licence_id = :id order by e.seq""")
                .param("id", id)
                .query((rs, n) -> new HistoryLine(
                        rs.getInt(1),
                        rs.getString(2),
                        LicenceStatus.valueOf(rs.getString(3)),
                        LicenceStatus.valueOf(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Live licences past their last valid day ({@code today} in London). */
    List<UUID> dueToExpire(LocalDate today) {
        return jdbc.sql("""
                select id from licensing_licence
                where status in ('ISSUED', 'REINSTATED', 'SUSPENDED', 'EXHAUSTED') and valid_until < :today order by id""").param("today", today).query(UUID.class).list();
    }

    /** Live licences of the cases whose party was registered as the given screening party, with that party's id. */
    List<Map.Entry<UUID, String>> liveInvolvingScreeningParty(UUID screeningPartyId) {
        return jdbc.sql("""
                select l.id, s.party_id from licensing_screened_party s
                join licensing_licence l on l.case_id = s.case_id
                where s.screening_party_id = :party and l.status in ('ISSUED', 'REINSTATED', 'SUSPENDED', 'EXHAUSTED')
                order by l.id""")
                .param("party", screeningPartyId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /** Live licences whose end user (or ultimate end user) has the same name key and country, with that party's id. */
    List<Map.Entry<UUID, String>> liveInvolvingEndUser(String nameKey, String country) {
        return jdbc.sql("""
                select l.id, p.party_id from licensing_licence_party p
                join licensing_licence l on l.id = p.licence_id
                where p.name_key = :key and p.country is not distinct from :country
                  and p.role in ('END_USER', 'ULTIMATE_END_USER')
                  and l.status in ('ISSUED', 'REINSTATED', 'SUSPENDED', 'EXHAUSTED')
                order by l.id""")
                .param("key", nameKey)
                .param("country", country)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    /**
     * Live licences with their end user's party id (the first end user, or ultimate end user), each with the product
     * names of its case's latest application version: to flag every live licence of a product named in misuse
     * evidence. Matched by name key by the caller.
     */
    List<Map.Entry<Map.Entry<UUID, String>, String>> liveWithProducts() {
        return jdbc.sql("""
                select l.id,
                       (select p.party_id from licensing_licence_party p
                        where p.licence_id = l.id and p.role in ('END_USER', 'ULTIMATE_END_USER')
                        order by p.role, p.party_id limit 1) as party,
                       pr ->> 'name' as product
                from licensing_licence l
                join licensing_application_version v on v.case_id = l.case_id
                    and v.version = (select max(w.version) from licensing_application_version w where w.case_id = l.case_id)
                cross join lateral jsonb_array_elements(coalesce(v.details -> 'products', '[]'::jsonb)) pr
                where l.status in ('ISSUED', 'REINSTATED', 'SUSPENDED', 'EXHAUSTED')
                order by l.id""")
                .query((rs, n) -> Map.entry(
                        Map.entry(rs.getObject(1, UUID.class), String.valueOf(rs.getString(2))),
                        String.valueOf(rs.getString(3))))
                .list();
    }

    /** The live licence of that reference with its end user's party id, if it is live and names an end user. */
    java.util.Optional<Map.Entry<UUID, String>> liveByReference(String reference) {
        return jdbc.sql("""
                select l.id, p.party_id from licensing_licence l
                join licensing_licence_party p on p.licence_id = l.id and p.role in ('END_USER', 'ULTIMATE_END_USER')
                where l.reference = :ref and l.status in ('ISSUED', 'REINSTATED', 'SUSPENDED', 'EXHAUSTED')
                order by p.role, p.party_id limit 1""")
                .param("ref", reference)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    public boolean referenceExists(String reference) {
        return jdbc.sql("select count(*) from licensing_licence where reference = :ref")
                        .param("ref", reference)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public void linkScreenedParty(UUID caseId, String partyId, UUID screeningPartyId) {
        jdbc.sql("""
                insert into licensing_screened_party (case_id, party_id, screening_party_id) values (:case, :party, :s)
                on conflict (case_id, party_id) do nothing""")
                .param("case", caseId)
                .param("party", partyId)
                .param("s", screeningPartyId)
                .update();
    }

    /** The screening register's parties of a case: screening party id to the application's party id. */
    public Map<UUID, String> screenedParties(UUID caseId) {
        Map<UUID, String> linked = new java.util.LinkedHashMap<>();
        jdbc.sql(
                        "select screening_party_id, party_id from licensing_screened_party where case_id = :case order by party_id")
                .param("case", caseId)
                .query((rs, n) -> linked.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return linked;
    }

    public boolean screenedPartyLinked(UUID caseId, String partyId) {
        return jdbc.sql("select count(*) from licensing_screened_party where case_id = :case and party_id = :party")
                        .param("case", caseId)
                        .param("party", partyId)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
