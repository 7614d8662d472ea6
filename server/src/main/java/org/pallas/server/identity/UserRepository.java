package org.pallas.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.RecordedEntries;
import org.pallas.server.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users and their roles. Reads on behalf of a caller filter to the caller's organisation in SQL unless
 * the caller reads across organisations; the unscoped reads serve sign-in only.
 */
@Repository
class UserRepository {

    private static final String VISIBLE = "(cast(:scope as uuid) is null or u.organisation_id = :scope)";
    private static final String SELECT = """
            select u.*, coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') as roles
            from app_user u""";

    private final JdbcClient jdbc;

    /** The entries that grant roles, and the public fact of each that lists the roles held after it. */
    static final Map<String, String> ROLE_ENTRIES =
            Map.of("identity.user.created", "roles", "identity.user.roles-changed", "to");

    private final RecordedEntries recorded;

    UserRepository(JdbcClient jdbc, RecordedEntries recorded) {
        this.jdbc = jdbc;
        this.recorded = recorded;
    }

    Optional<UserAccount> find(Caller caller, UUID id) {
        return jdbc.sql(SELECT + " where u.id = :id and " + VISIBLE)
                .param("id", id)
                .param("scope", caller.organisationScope())
                .query(UserRepository::map)
                .optional();
    }

    List<UserAccount> inOrganisation(Caller caller, UUID organisationId) {
        return jdbc.sql(SELECT + " where u.organisation_id = :org and " + VISIBLE + " order by lower(u.display_name)")
                .param("org", organisationId)
                .param("scope", caller.organisationScope())
                .query(UserRepository::map)
                .list();
    }

    /** Stored credentials by username, for sign-in. */
    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select id, password_hash, enabled from app_user where lower(username) = lower(:username)")
                .param("username", username)
                .query((rs, n) -> new Credentials(
                        rs.getObject("id", UUID.class), rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    Optional<String> passwordHash(UUID userId) {
        return jdbc.sql("select password_hash from app_user where id = :id")
                .param("id", userId)
                .query(String.class)
                .optional();
    }

    /** The caller for an enabled user (unscoped: used by authentication only). */
    Optional<Caller> caller(UUID userId) {
        return callerWhere("u.id = :id", userId);
    }

    /** The caller for an enabled user by username (unscoped: demo seeds act as their users). */
    Optional<Caller> caller(String username) {
        return callerWhere("u.username = :id", username);
    }

    /**
     * A caller holds the roles of their {@code user_role} rows that the ledger recorded them getting: the latest
     * entry that sets their roles lists each one. A role row inserted straight into the database is not honoured.
     */
    private Optional<Caller> callerWhere(String condition, Object id) {
        return jdbc.sql("""
                select u.id, u.username, u.display_name, u.team, o.id as org_id, o.name as org_name, o.kind,
                       coalesce((select string_agg(r.role, ',') from user_role r where r.user_id = u.id), '') as roles
                from app_user u join organisation o on o.id = u.organisation_id
                where u.enabled""" + " and " + condition)
                .param("id", id)
                .query((rs, n) -> new Caller(
                        rs.getObject("id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        rs.getObject("org_id", UUID.class),
                        rs.getString("org_name"),
                        OrganisationKind.valueOf(rs.getString("kind")),
                        roles(rs.getString("roles")),
                        team(rs.getString("team"))))
                .optional()
                .map(this::honoured);
    }

    private Caller honoured(Caller caller) {
        Set<String> granted = recorded.latestFacts("user", caller.userId().toString(), ROLE_ENTRIES.keySet())
                .map(facts -> ROLE_ENTRIES.values().stream()
                        .map(facts::get)
                        .filter(v -> v != null && !v.isEmpty())
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        Set<Role> roles = caller.roles().stream()
                .filter(r -> granted.contains(r.name()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        if (roles.equals(caller.roles())) {
            return caller;
        }
        return new Caller(
                caller.userId(),
                caller.username(),
                caller.displayName(),
                caller.organisationId(),
                caller.organisationName(),
                caller.organisationKind(),
                roles,
                caller.team());
    }

    /** An enabled user by e-mail or OIDC subject, for OIDC sign-in. */
    Optional<UUID> byOidcSubjectOrEmail(String subject, String email) {
        return jdbc.sql("""
                select id from app_user where enabled and (oidc_subject = :subject or (:email <> '' and lower(email) = lower(:email)))
                order by (oidc_subject = :subject) desc nulls last limit 1""")
                .param("subject", subject)
                .param("email", email == null ? "" : email)
                .query(UUID.class)
                .optional();
    }

    boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from app_user where lower(username) = lower(:u)")
                        .param("u", username)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean emailTaken(String email, UUID except) {
        return email != null
                && jdbc.sql("select count(*) from app_user where lower(email) = lower(:e) and id <> :except")
                                .param("e", email)
                                .param("except", except == null ? new UUID(0, 0) : except)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    long countInOrganisation(UUID organisationId) {
        return jdbc.sql("select count(*) from app_user where organisation_id = :org")
                .param("org", organisationId)
                .query(Long.class)
                .single();
    }

    void insert(UserAccount u, String passwordHash, Instant now) {
        jdbc.sql("""
                insert into app_user (id, organisation_id, username, display_name, email, password_hash, team, enabled,
                                      created_at, updated_at)
                values (:id, :org, :username, :name, :email, :hash, :team, :enabled, :now, :now)""")
                .param("id", u.id())
                .param("org", u.organisationId())
                .param("username", u.username())
                .param("name", u.displayName())
                .param("email", u.email())
                .param("hash", passwordHash)
                .param("team", u.team() == null ? null : u.team().name())
                .param("enabled", u.enabled())
                .param("now", Timestamp.from(now))
                .update();
        setRoles(u.id(), u.roles());
    }

    void update(UUID id, String displayName, String email, AdviserTeam team, Instant now) {
        jdbc.sql(
                        "update app_user set display_name = :name, email = :email, team = :team, updated_at = :now where id = :id")
                .param("id", id)
                .param("name", displayName)
                .param("email", email)
                .param("team", team == null ? null : team.name())
                .param("now", Timestamp.from(now))
                .update();
    }

    void setEnabled(UUID id, boolean enabled, Instant now) {
        jdbc.sql("update app_user set enabled = :enabled, updated_at = :now where id = :id")
                .param("id", id)
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .update();
    }

    void setPasswordHash(UUID id, String hash, Instant now) {
        jdbc.sql("update app_user set password_hash = :hash, updated_at = :now where id = :id")
                .param("id", id)
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Remembers the subject unless one is already linked; whether it did. */
    boolean setOidcSubject(UUID id, String subject) {
        return jdbc.sql("update app_user set oidc_subject = :s where id = :id and oidc_subject is null")
                        .param("id", id)
                        .param("s", subject)
                        .update()
                > 0;
    }

    void setRoles(UUID id, Set<Role> roles) {
        jdbc.sql("delete from user_role where user_id = :id").param("id", id).update();
        for (Role role : roles) {
            jdbc.sql("insert into user_role (user_id, role) values (:id, :role)")
                    .param("id", id)
                    .param("role", role.name())
                    .update();
        }
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("username"),
                rs.getString("display_name"),
                rs.getString("email"),
                team(rs.getString("team")),
                rs.getBoolean("enabled"),
                roles(rs.getString("roles")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Set<Role> roles(String csv) {
        if (csv == null || csv.isEmpty()) {
            return Set.of();
        }
        return Collections.unmodifiableSet(Arrays.stream(csv.split(","))
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class))));
    }

    private static AdviserTeam team(String value) {
        return value == null ? null : AdviserTeam.valueOf(value);
    }

    record Credentials(UUID userId, String passwordHash, boolean enabled) {}
}
