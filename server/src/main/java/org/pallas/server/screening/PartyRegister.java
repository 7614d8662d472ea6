package org.pallas.server.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pallas.screening.EntryKind;
import org.pallas.screening.ListCatalogue;
import org.pallas.screening.ListDelta;
import org.pallas.screening.ListEntry;
import org.pallas.screening.PartialDate;
import org.pallas.screening.ScoringConfig;
import org.pallas.screening.ScreeningIndex;
import org.pallas.screening.ScreeningQuery;
import org.pallas.screening.ScreeningResult;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange.Facts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The party register. Exporters keep their own customers here and see only their own organisation's
 * parties; the authority sees all. A party is screened against every list in use when it is created or
 * changed, and against only the changed entries whenever a list version is imported (see
 * {@link #rescreen}); every screening records the list versions it used.
 */
@Service
public class PartyRegister {

    /** Matches kept per screening of a party; alerts are raised for those at or above the threshold. */
    static final int PARTY_LIMIT = 25;

    /** One screening of a party. */
    public record Screening(
            UUID id,
            UUID partyId,
            Instant screenedAt,
            String trigger,
            List<String> listVersions,
            int matches,
            int alerts) {}

    private final ListCatalogue catalogue;
    private final Alerts alerts;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;

    PartyRegister(
            ListCatalogue catalogue,
            Alerts alerts,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            ReadLog readLog,
            Clock clock) {
        this.catalogue = catalogue;
        this.alerts = alerts;
        this.jdbc = jdbc;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
    }

    @Transactional
    public Party create(Caller caller, PartyInput input) {
        return create(caller, UUID.randomUUID(), input);
    }

    /** Creates a party with a given id (the demo seed uses fixed ids). */
    @Transactional
    public Party create(Caller caller, UUID id, PartyInput input) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "keep a party register");
        ScreeningQuery query = query(input);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into screening_party (id, organisation_id, name, kind, country, birth_date, identifiers, reference,
                    created_by, created_at, updated_at, revision)
                values (:id, :org, :name, :kind, :country, :birth, :ids, :ref, :by, :at, :at, 1)""")
                .param("id", id)
                .param("org", caller.organisationId())
                .params(columns(query, input))
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .update();
        Party party = load(id);
        events.publishEvent(change(ScreeningChanged.PartyCreated::new, party, caller.userId(), now, Map.of()));
        screen(party, "CREATED", catalogue.snapshot().index(), caller.userId());
        return party;
    }

    @Transactional
    public Party update(Caller caller, UUID id, PartyInput input) {
        ScreeningAccess.require(caller, ScreeningAccess.SCREENERS, "keep a party register");
        ScreeningAccess.requireOwn(caller, find(caller, id).organisationId(), "change another organisation's party");
        ScreeningQuery query = query(input);
        Instant now = clock.instant();
        jdbc.sql("""
                update screening_party set name = :name, kind = :kind, country = :country, birth_date = :birth,
                    identifiers = :ids, reference = :ref, updated_at = :at, revision = revision + 1
                where id = :id""")
                .param("id", id)
                .params(columns(query, input))
                .param("at", Timestamp.from(now))
                .update();
        Party party = load(id);
        events.publishEvent(change(ScreeningChanged.PartyUpdated::new, party, caller.userId(), now, Map.of()));
        screen(party, "CHANGED", catalogue.snapshot().index(), caller.userId());
        return party;
    }

    /** A party the caller may see; 404 for another organisation's party as for a missing one. */
    @Transactional // not read-only: oversight reads are logged
    public Party find(Caller caller, UUID id) {
        ScreeningAccess.require(caller, ScreeningAccess.READERS, "read the party register");
        Party party = jdbc.sql(
                        "select * from screening_party where id = :id and (cast(:scope as uuid) is null or organisation_id = :scope)")
                .param("id", id)
                .param("scope", caller.organisationScope())
                .query(PartyRegister::party)
                .optional()
                .orElseThrow(() -> new NotFoundException("Party", id));
        readLog.record(caller, "screening-party", id);
        return party;
    }

    @Transactional(readOnly = true)
    public List<Party> list(Caller caller) {
        ScreeningAccess.require(caller, ScreeningAccess.READERS, "read the party register");
        return jdbc.sql(
                        "select * from screening_party where (cast(:scope as uuid) is null or organisation_id = :scope) order by lower(name), id limit 500")
                .param("scope", caller.organisationScope())
                .query(PartyRegister::party)
                .list();
    }

    /** The screenings of a party, newest first. */
    @Transactional // not read-only: oversight reads are logged
    public List<Screening> screenings(Caller caller, UUID partyId) {
        find(caller, partyId);
        return jdbc.sql("select * from screening_result where party_id = :id order by screened_at desc, id limit 200")
                .param("id", partyId)
                .query((rs, n) -> new Screening(
                        rs.getObject("id", UUID.class),
                        partyId,
                        rs.getTimestamp("screened_at").toInstant(),
                        rs.getString("trigger"),
                        lines(rs.getString("list_versions")),
                        rs.getInt("matches"),
                        rs.getInt("alerts")))
                .list();
    }

    /**
     * Re-screens every party against the entries of {@code delta} that are new, changed or listed again
     * (an index over those entries only), and lapses alerts on entries that left the list. Runs inside
     * the import's transaction, so the new version and its consequences commit together.
     */
    void rescreen(ListDelta delta, List<String> labels, String version, ScoringConfig config) {
        alerts.lapse(delta.removed(), version);
        List<ListEntry> toScreen = delta.toScreen();
        if (toScreen.isEmpty()) {
            return;
        }
        ScreeningIndex index = ScreeningIndex.ofEntries(toScreen, labels, config);
        jdbc.sql("select * from screening_party order by id").query(PartyRegister::party).stream()
                .forEach(party -> screen(party, "LIST_UPDATE", index, null));
    }

    private void screen(Party party, String trigger, ScreeningIndex index, UUID actor) {
        ScreeningResult result = index.search(new ScreeningQuery(
                party.name(),
                EntryKind.valueOf(party.kind()),
                party.country(),
                party.birthDate() == null ? null : PartialDate.parse(party.birthDate()),
                party.identifiers(),
                PARTY_LIMIT));
        long alerting = result.matches().stream().filter(m -> m.alert()).count();
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into screening_result (id, party_id, organisation_id, screened_at, trigger, list_versions, matches, alerts)
                values (:id, :party, :org, :at, :trigger, :versions, :matches, :alerts)""")
                .param("id", id)
                .param("party", party.id())
                .param("org", party.organisationId())
                .param("at", Timestamp.from(now))
                .param("trigger", trigger)
                .param("versions", String.join("\n", result.listVersions()))
                .param("matches", result.matches().size())
                .param("alerts", (int) alerting)
                .update();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("trigger", trigger);
        facts.put("listVersions", result.listVersions());
        facts.put("matches", result.matches().size());
        facts.put("alerts", alerting);
        events.publishEvent(change(ScreeningChanged.PartyScreened::new, party, actor, now, facts));
        result.matches().stream()
                .filter(m -> m.alert())
                .forEach(m -> alerts.raise(party, m, String.join(" ", result.listVersions()), actor));
    }

    private static ScreeningQuery query(PartyInput input) {
        return Queries.query(
                input.name(),
                input.kind() == null ? "any" : input.kind().toLowerCase(Locale.ROOT),
                input.country(),
                input.birthDate(),
                input.identifiers(),
                PARTY_LIMIT);
    }

    private Party load(UUID id) {
        return jdbc.sql("select * from screening_party where id = :id")
                .param("id", id)
                .query(PartyRegister::party)
                .single();
    }

    private static ScreeningChanged change(
            Function<Facts, ScreeningChanged> type, Party party, UUID actor, Instant at, Map<String, Object> facts) {
        Map<String, Object> pub = new LinkedHashMap<>(facts);
        pub.put("organisationId", party.organisationId().toString());
        pub.put("revision", party.revision());
        return type.apply(
                new Facts(party.id().toString(), actor, at, pub, Map.of("name", party.name(), "kind", party.kind())));
    }

    static Party party(ResultSet rs, int n) throws SQLException {
        return new Party(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("name"),
                rs.getString("kind"),
                rs.getString("country"),
                rs.getString("birth_date"),
                lines(rs.getString("identifiers")),
                rs.getString("reference"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("revision"));
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** The columns a party's input sets, the same on create and update. */
    private static Map<String, Object> columns(ScreeningQuery query, PartyInput input) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", query.name());
        columns.put("kind", query.kind().name());
        columns.put("country", query.country());
        columns.put("birth", blankToNull(input.birthDate()));
        columns.put("ids", String.join("\n", query.identifiers()));
        columns.put("ref", blankToNull(input.reference()));
        return columns;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
