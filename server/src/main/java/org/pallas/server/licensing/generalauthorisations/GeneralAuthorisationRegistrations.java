package org.pallas.server.licensing.generalauthorisations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.FieldError;
import org.pallas.licensing.GeneralAuthorisationEligibility;
import org.pallas.licensing.GeneralAuthorisationTerms;
import org.pallas.licensing.GeneralAuthorisations;
import org.pallas.licensing.ServiceLevelClock;
import org.pallas.server.licensing.LicensingChanged;
import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.RecordedChange.Facts;
import org.pallas.server.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations under published general-authorisation terms and the uses reported under them. An exporter registers
 * once per terms (eligibility checked by {@link GeneralAuthorisationEligibility}, refusals citing the terms' rule IDs)
 * and then reports each use; both are recorded on the ledger in the same transaction. Exporters see their own
 * organisation's registrations (another's answers "not found"); the authority and oversight read all.
 */
@Service
class GeneralAuthorisationRegistrations {

    static final String REGISTRATION = "ga-registration";
    static final String USE = "ga-use";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final GeneralAuthorisations catalogue = GeneralAuthorisations.shipped();

    GeneralAuthorisationRegistrations(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    record Registration(
            UUID id,
            String reference,
            UUID organisationId,
            String organisation,
            String termsId,
            GeneralAuthorisationEligibility.Scope scope,
            Instant registeredAt) {}

    record UseRow(
            UUID id,
            LocalDate usedOn,
            String destination,
            String endUserName,
            EndUserType endUserType,
            String controlEntry,
            int quantity,
            String description,
            Instant reportedAt) {}

    /** The published terms (public). */
    List<GeneralAuthorisationTerms> terms() {
        return List.copyOf(catalogue.all());
    }

    GeneralAuthorisationTerms terms(String id) {
        return catalogue.find(id).orElseThrow(() -> new NotFoundException("General authorisation", id));
    }

    @Transactional
    public Registration register(Caller caller, String termsId, GeneralAuthorisationEligibility.Scope scope) {
        requireExporter(caller);
        GeneralAuthorisationTerms terms = terms(termsId);
        List<FieldError> reasons = GeneralAuthorisationEligibility.register(terms, scope);
        if (!reasons.isEmpty()) {
            throw invalid(reasons);
        }
        Optional<Registration> existing =
                mine(caller).stream().filter(r -> r.termsId().equals(termsId)).findFirst();
        if (existing.isPresent()) {
            throw new InvalidInputException(
                    "termsId",
                    "your organisation is already registered under " + termsId + " as "
                            + existing.get().reference() + "; report uses under that registration");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        long n = jdbc.sql("select nextval('licensing_ga_registration_seq')")
                .query(Long.class)
                .single();
        String reference = "GAR-" + now.toString().substring(0, 4) + "-" + String.format(Locale.ROOT, "%05d", n);
        jdbc.sql("""
                insert into licensing_ga_registration (id, reference, organisation_id, terms_id, scope, registered_by,
                    registered_at)
                values (:id, :ref, :org, :terms, cast(:scope as jsonb), :by, :at)""")
                .param("id", id)
                .param("ref", reference)
                .param("org", caller.organisationId())
                .param("terms", termsId)
                .param("scope", CaseStore.JSON.writeValueAsString(scope))
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .update();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("registration", reference);
        metadata.put("terms", termsId);
        metadata.put("basis", terms.basis());
        events.publishEvent(new LicensingChanged.GeneralAuthorisationRegistered(new Facts(
                id.toString(),
                caller.userId(),
                now,
                metadata,
                Map.of(
                        "organisationId",
                        caller.organisationId().toString(),
                        "scope",
                        CaseStore.JSON.writeValueAsString(scope)))));
        return find(caller, id);
    }

    @Transactional
    public UseRow reportUse(Caller caller, UUID registrationId, GeneralAuthorisationEligibility.Use use) {
        requireExporter(caller);
        Registration r = find(caller, registrationId);
        GeneralAuthorisationTerms terms = terms(r.termsId());
        Instant now = clock.instant();
        List<FieldError> reasons = GeneralAuthorisationEligibility.use(
                terms,
                r.scope(),
                use,
                LocalDate.ofInstant(now, ServiceLevelClock.UK),
                LocalDate.ofInstant(r.registeredAt(), ServiceLevelClock.UK));
        if (!reasons.isEmpty()) {
            throw invalid(reasons);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into licensing_ga_use (id, registration_id, used_on, destination, end_user_name, end_user_type,
                    control_entry, quantity, description, reported_by, reported_at)
                values (:id, :reg, :on, :dest, :name, :type, :entry, :qty, :desc, :by, :at)""")
                .param("id", id)
                .param("reg", registrationId)
                .param("on", java.sql.Date.valueOf(use.usedOn()))
                .param("dest", use.destination())
                .param("name", use.endUserName().trim())
                .param("type", use.endUserType().name())
                .param("entry", use.controlEntry())
                .param("qty", use.quantity())
                .param("desc", use.description().trim())
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .update();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("registration", r.reference());
        metadata.put("terms", r.termsId());
        metadata.put("destination", use.destination());
        metadata.put("controlEntry", use.controlEntry());
        metadata.put("quantity", Integer.toString(use.quantity()));
        events.publishEvent(new LicensingChanged.GeneralAuthorisationUseReported(new Facts(
                id.toString(),
                caller.userId(),
                now,
                metadata,
                Map.of(
                        "organisationId",
                        r.organisationId().toString(),
                        "endUser",
                        use.endUserName().trim(),
                        "description",
                        use.description().trim()))));
        return uses(caller, registrationId).stream()
                .filter(u -> u.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** The caller's organisation's registrations (exporters). */
    @Transactional(readOnly = true)
    public List<Registration> mine(Caller caller) {
        requireExporter(caller);
        return select("where g.organisation_id = :scope", caller.organisationId());
    }

    /** All registrations (authority and oversight). */
    @Transactional(readOnly = true)
    public List<Registration> all(Caller caller) {
        requireReader(caller);
        return select("where cast(:scope as uuid) is null", null);
    }

    /** One registration the caller may see; another exporter's answers "not found". */
    @Transactional(readOnly = true)
    public Registration find(Caller caller, UUID id) {
        UUID scope = scope(caller);
        return select("where g.id = :id and (cast(:scope as uuid) is null or g.organisation_id = :scope)", scope, id)
                .stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Registration", id));
    }

    @Transactional(readOnly = true)
    public List<UseRow> uses(Caller caller, UUID registrationId) {
        find(caller, registrationId);
        return jdbc.sql("""
                select id, used_on, destination, end_user_name, end_user_type, control_entry, quantity, description,
                    reported_at from licensing_ga_use where registration_id = :id order by used_on desc, reported_at desc""")
                .param("id", registrationId)
                .query((rs, n) -> new UseRow(
                        rs.getObject(1, UUID.class),
                        rs.getDate(2).toLocalDate(),
                        rs.getString(3),
                        rs.getString(4),
                        EndUserType.valueOf(rs.getString(5)),
                        rs.getString(6),
                        rs.getInt(7),
                        rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }

    private List<Registration> select(String where, UUID scope, Object... id) {
        var sql = jdbc.sql("""
                select g.id, g.reference, g.organisation_id, o.name, g.terms_id, g.scope::text, g.registered_at
                from licensing_ga_registration g join organisation o on o.id = g.organisation_id
                """ + where + " order by g.registered_at desc limit 500")
                .param("scope", scope);
        if (id.length > 0) {
            sql = sql.param("id", id[0]);
        }
        return sql.query((rs, n) -> new Registration(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getString(4),
                        rs.getString(5),
                        CaseStore.JSON.readValue(rs.getString(6), GeneralAuthorisationEligibility.Scope.class),
                        rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** Null for cross-organisation readers; the caller's organisation for exporters; refused for anyone else. */
    private static UUID scope(Caller caller) {
        if (caller.isExporter() && caller.hasRole(Role.EXPORTER)) {
            return caller.organisationId();
        }
        requireReader(caller);
        return null;
    }

    private static void requireReader(Caller caller) {
        if (!caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR)) {
            throw new AccessDeniedException(
                    "Registrations are for the registrant, the licensing authority and oversight.");
        }
    }

    private static void requireExporter(Caller caller) {
        if (!caller.isExporter() || !caller.hasRole(Role.EXPORTER)) {
            throw new AccessDeniedException("Only an exporter's staff register and report uses.");
        }
    }

    private static InvalidInputException invalid(List<FieldError> reasons) {
        return new InvalidInputException(reasons.stream()
                .map(e -> new InvalidInputException.FieldProblem(e.field(), e.message()))
                .toList());
    }

    /** Parses the codes typed into a form or sent by the API. */
    static java.util.Set<String> codes(List<String> raw) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String s : raw == null ? List.<String>of() : raw) {
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return out;
    }

    /** Control entries as typed, split on commas and spaces (their case matters: 4D001.a). */
    static java.util.Set<String> entries(List<String> raw) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (String s : raw == null ? List.<String>of() : raw) {
            for (String part : s.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    out.add(part.trim());
                }
            }
        }
        return out;
    }

    static <E extends Enum<E>> java.util.Set<E> choices(Class<E> type, List<String> raw, String field) {
        java.util.Set<E> out = EnumSet.noneOf(type);
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        for (String s : raw == null ? List.<String>of() : raw) {
            try {
                out.add(Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.add(new InvalidInputException.FieldProblem(
                        field, "'" + s + "' is not one of " + EnumSet.allOf(type)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return out;
    }
}
