package org.pallas.server.licensing.cases;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.licensing.Actor;
import org.pallas.licensing.ApplicationRules;
import org.pallas.licensing.ApplicationVersion;
import org.pallas.licensing.Case;
import org.pallas.licensing.CaseCommand;
import org.pallas.licensing.CaseEvent;
import org.pallas.licensing.GeneralAuthorisations;
import org.pallas.licensing.LicenceType;
import org.pallas.licensing.Product;
import org.pallas.licensing.ReplayClock;
import org.pallas.licensing.SlaPosition;
import org.pallas.licensing.WorkingCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * PostgreSQL storage of cases: the ordered commands (the source of truth, replayed to rebuild a {@link Case}) and
 * the projections written with them (case row for queues and filters, application versions, the transition trail).
 * Every read takes the organisation scope so that one exporter never reads another's case.
 */
@Repository
public class CaseStore {

    public static final JsonMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A case rebuilt from its commands, with the clock it runs on and the next command number. */
    public record Loaded(
            Case c,
            UUID organisationId,
            String reference,
            CaseCommand.Declarations declarations,
            ReplayClock clock,
            int nextSeq) {}

    private final JdbcClient jdbc;
    private final CommandLog<CaseCommand> log;
    private final ApplicationRules rules;
    private final SlaPosition sla;
    private final Counter replays;

    CaseStore(JdbcClient jdbc, WorkingCalendar calendar, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.log = new CommandLog<>(jdbc, "licensing_case_command", "case_id", CaseCommand.class);
        // Every load replays the case's whole command history: what a request costs grows with the case.
        this.replays = Counter.builder("pallas.licensing.case.replays")
                .description("Cases rebuilt by replaying their stored commands")
                .register(meters);
        this.sla = new SlaPosition(calendar);
        this.rules = new ApplicationRules(GeneralAuthorisations.shipped());
    }

    ApplicationRules rules() {
        return rules;
    }

    String nextReference(Instant at) {
        long n = jdbc.sql("select nextval('licensing_case_reference_seq')")
                .query(Long.class)
                .single();
        return "PAL-" + at.toString().substring(0, 4) + "-" + String.format(java.util.Locale.ROOT, "%06d", n);
    }

    void insert(UUID id, UUID organisationId, String reference, LicenceType type, Instant at) {
        jdbc.sql("""
                insert into licensing_case (id, organisation_id, reference, licence_type, title, status, status_since,
                    created_at, updated_at)
                values (:id, :org, :ref, :type, '', 'DRAFT', :at, :at, :at)""")
                .param("id", id)
                .param("org", organisationId)
                .param("ref", reference)
                .param("type", type.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    void appendCommand(UUID caseId, int seq, CaseCommand command, Actor actor, Instant at) {
        log.append(caseId, seq, command, actor, at);
    }

    /** Writes what the event changed into the projections. */
    void project(Loaded loaded, CaseEvent event, int seq) {
        Case c = loaded.c();
        UUID id = UUID.fromString(c.caseId());
        CaseEvent.Change ch = event.change();
        String title = c.application().details().products().stream()
                .map(Product::name)
                .filter(n -> n != null && !n.isBlank())
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        jdbc.sql("""
                update licensing_case set status = :status, outcome = :outcome, route = :route, title = :title,
                    case_officer_id = cast(:officer as uuid), status_since = :since, updated_at = :at,
                    declared_risk_tier = :tier, end_use_category = :category,
                    submitted_at = coalesce(submitted_at, :submitted), destinations = cast(:destinations as varchar(2)[]),
                    queues = cast(:queues as varchar(40)[]), sla_base = :slaBase
                where id = :id""")
                .param("status", c.status().name())
                .param("outcome", c.standingOutcome().map(Enum::name).orElse(null))
                .param("route", c.routing().map(r -> r.route().name()).orElse(null))
                .param("title", title.length() > 200 ? title.substring(0, 200) : title)
                .param("officer", c.caseOfficerId().orElse(null))
                .param("since", Timestamp.from(c.statusSince()))
                .param("at", Timestamp.from(ch.at()))
                .param("tier", loaded.declarations().riskTier())
                .param("category", loaded.declarations().endUseCategory())
                .param("submitted", event instanceof CaseEvent.ApplicationSubmitted ? Timestamp.from(ch.at()) : null)
                .param(
                        "destinations",
                        destinationsArray(c.application().details().destinations()))
                .param(
                        "queues",
                        c.queues().stream()
                                .map(Enum::name)
                                .sorted()
                                .collect(java.util.stream.Collectors.joining(",", "{", "}")))
                .param(
                        "slaBase",
                        java.util.Optional.ofNullable(sla.base(c.history(), ch.at()))
                                .map(java.sql.Date::valueOf)
                                .orElse(null))
                .param("id", id)
                .update();
        String reason = ch.reason() == null ? "" : ch.reason();
        jdbc.sql("""
                insert into licensing_case_transition (case_id, seq, event, from_status, to_status, actor_id, actor_roles,
                    reason, at, payload)
                values (:id, :seq, :event, :from, :to, :actor, :roles, :reason, :at, cast(:payload as jsonb))""")
                .param("id", id)
                .param("seq", seq)
                .param("event", event.getClass().getSimpleName())
                .param("from", ch.from().name())
                .param("to", ch.to().name())
                .param("actor", ch.actor().id())
                .param("roles", ch.actor().roles().toString())
                .param("reason", reason.length() > 4000 ? reason.substring(0, 4000) : reason)
                .param("at", Timestamp.from(ch.at()))
                .param("payload", JSON.writeValueAsString(event))
                .update();
        for (ApplicationVersion v : c.application().versions()) {
            jdbc.sql("""
                    insert into licensing_application_version (case_id, version, details, created_at, created_by, reason)
                    values (:id, :v, cast(:details as jsonb), :at, :by, :reason) on conflict do nothing""")
                    .param("id", id)
                    .param("v", v.number())
                    .param("details", JSON.writeValueAsString(v.details()))
                    .param("at", Timestamp.from(v.createdAt()))
                    .param("by", v.createdBy())
                    .param("reason", v.reason())
                    .update();
        }
    }

    /** A Postgres array literal of two-letter codes (anything else is left out: the rules reject it anyway). */
    static String destinationsArray(java.util.Set<String> destinations) {
        return destinations.stream()
                .filter(d -> d != null && d.matches("[A-Z]{2}"))
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }

    /** The domain event a transition row keeps (for the service-level measures). */
    static CaseEvent event(String kind, String payload) {
        for (Class<?> k : CaseEvent.class.getPermittedSubclasses()) {
            if (k.getSimpleName().equals(kind)) {
                return JSON.readValue(payload, k.asSubclass(CaseEvent.class));
            }
        }
        throw new IllegalStateException("unknown stored case event kind '" + kind + "'");
    }

    void saveAssessment(UUID caseId, SubmissionAssessments.Summary summary) {
        jdbc.sql("update licensing_case set assessment = cast(:a as jsonb) where id = :id")
                .param("a", JSON.writeValueAsString(summary))
                .param("id", caseId)
                .update();
    }

    /**
     * This authority's refusals naming a party of that name (case and surrounding spaces ignored), in any
     * organisation's case: the authority's own record, read only by the submission assessment (RF-PRIOR-DENIAL,
     * UK-GEN-1). Refused applications' latest versions are searched; an amendment does not hide a refused party.
     */
    /** An open case (submitted, not decided or withdrawn), with its latest application's parties and products. */
    public record OpenCase(UUID id, String reference, UUID caseOfficerId, JsonNode details) {}

    /** Every open case, or only the one of {@code reference} when it is given (and open). */
    List<OpenCase> openCases(String reference) {
        return jdbc.sql("""
                select c.id, c.reference, c.case_officer_id, v.details::text from licensing_case c
                join licensing_application_version v on v.case_id = c.id
                    and v.version = (select max(w.version) from licensing_application_version w where w.case_id = c.id)
                where c.status not in ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED')
                  and (cast(:ref as varchar) is null or c.reference = :ref)
                order by c.reference""")
                .param("ref", reference)
                .query((rs, n) -> new OpenCase(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        JSON.readTree(rs.getString(4))))
                .list();
    }

    public boolean referenceExists(String reference) {
        return jdbc.sql("select count(*) from licensing_case where reference = :ref and status <> 'DRAFT'")
                        .param("ref", reference)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<org.pallas.policy.PriorDenial> refusalsNaming(List<String> names, UUID exceptCase) {
        List<String> normal = names.stream()
                .filter(n -> n != null && !n.isBlank())
                .map(n -> n.strip().toLowerCase(java.util.Locale.ROOT))
                .distinct()
                .toList();
        if (normal.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.reference, c.status_since, p ->> 'name' as name
                from licensing_case c
                join licensing_application_version v on v.case_id = c.id
                    and v.version = (select max(w.version) from licensing_application_version w where w.case_id = c.id)
                cross join lateral jsonb_array_elements(coalesce(v.details -> 'parties', '[]'::jsonb)) p
                where c.outcome = 'REFUSED' and c.id <> :except
                    and lower(btrim(p ->> 'name')) in (:names)
                order by c.status_since, c.reference""")
                .param("except", exceptCase)
                .param("names", normal)
                .query((rs, n) -> new org.pallas.policy.PriorDenial(
                        rs.getString("reference"),
                        "this authority",
                        rs.getString("name"),
                        rs.getTimestamp("status_since")
                                .toInstant()
                                .atZone(java.time.ZoneOffset.UTC)
                                .toLocalDate(),
                        "refused"))
                .list();
    }

    /**
     * Cases before their decision (or under appeal) whose party was registered as the given screening party, with
     * that party's id.
     */
    List<Map.Entry<UUID, String>> openInvolvingScreeningParty(UUID screeningPartyId) {
        return jdbc.sql("""
                select c.id, s.party_id from licensing_screened_party s
                join licensing_case c on c.id = s.case_id
                where s.screening_party_id = :party
                  and c.status not in ('DRAFT', 'FINALISED', 'WITHDRAWN', 'APPEAL_DECIDED')
                order by c.id""")
                .param("party", screeningPartyId)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    public Optional<SubmissionAssessments.Summary> assessment(UUID caseId) {
        return jdbc.sql("select assessment::text from licensing_case where id = :id and assessment is not null")
                .param("id", caseId)
                .query(String.class)
                .optional()
                .map(s -> JSON.readValue(s, SubmissionAssessments.Summary.class));
    }

    /**
     * Rebuilds the case if it exists and {@code scope} (an organisation, or null for cross-organisation readers) may
     * see it; locks its row when {@code forUpdate}, so that two officers' commands apply one after the other.
     */
    public Optional<Loaded> load(UUID id, UUID scope, boolean forUpdate) {
        Optional<Object[]> head = jdbc.sql("""
                select organisation_id, reference from licensing_case
                where id = :id and (cast(:scope as uuid) is null or organisation_id = :scope)""" + (forUpdate ? " for update" : ""))
                .param("id", id)
                .param("scope", scope)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        List<CommandLog.Stored> commands = log.read(id);
        replays.increment();
        ReplayClock clock = new ReplayClock(commands.get(0).at());
        CaseCommand.StartDraft start = log.command(commands.get(0), CaseCommand.StartDraft.class);
        Case c = Case.draft(id.toString(), log.actor(commands.get(0)), start.type(), start.details(), rules, clock);
        CaseCommand.Declarations declarations = start.declarations();
        for (CommandLog.Stored stored : commands.subList(1, commands.size())) {
            CaseCommand command = log.command(stored);
            clock.set(stored.at());
            command.applyTo(c, log.actor(stored));
            if (command instanceof CaseCommand.SaveDraft save) {
                declarations = save.declarations();
            }
        }
        return Optional.of(
                new Loaded(c, (UUID) head.get()[0], (String) head.get()[1], declarations, clock, commands.size()));
    }
}
