package org.pallas.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organisations. Every read takes the caller and filters to what the caller may see, in SQL. */
@Repository
class OrganisationRepository {

    private static final String VISIBLE = "(cast(:scope as uuid) is null or o.id = :scope)";
    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Organisation> find(Caller caller, UUID id) {
        return jdbc.sql("select o.* from organisation o where o.id = :id and " + VISIBLE)
                .param("id", id)
                .param("scope", caller.organisationScope())
                .query(OrganisationRepository::map)
                .optional();
    }

    /** Visible organisations whose name contains {@code query} (case-insensitive), by name. */
    List<Organisation> search(Caller caller, String query, int limit) {
        return jdbc.sql("select o.* from organisation o where " + VISIBLE
                        + " and (:q = '' or strpos(lower(o.name), lower(:q)) > 0) order by lower(o.name) limit :limit")
                .param("scope", caller.organisationScope())
                .param("q", query == null ? "" : query)
                .param("limit", limit)
                .query(OrganisationRepository::map)
                .list();
    }

    long count(Caller caller, String query) {
        return jdbc.sql("select count(*) from organisation o where " + VISIBLE
                        + " and (:q = '' or strpos(lower(o.name), lower(:q)) > 0)")
                .param("scope", caller.organisationScope())
                .param("q", query == null ? "" : query)
                .query(Long.class)
                .single();
    }

    /** Unscoped, for sign-in and the demo seed only. */
    Optional<Organisation> findUnscoped(UUID id) {
        return jdbc.sql("select o.* from organisation o where o.id = :id")
                .param("id", id)
                .query(OrganisationRepository::map)
                .optional();
    }

    boolean nameTaken(String name, UUID except) {
        return jdbc.sql("select count(*) from organisation where lower(name) = lower(:name) and id <> :except")
                        .param("name", name)
                        .param("except", except == null ? new UUID(0, 0) : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(Organisation o) {
        jdbc.sql("""
                insert into organisation (id, name, kind, country, created_at, updated_at)
                values (:id, :name, :kind, :country, :created, :updated)""")
                .param("id", o.id())
                .param("name", o.name())
                .param("kind", o.kind().name())
                .param("country", o.country())
                .param("created", Timestamp.from(o.createdAt()))
                .param("updated", Timestamp.from(o.updatedAt()))
                .update();
    }

    void update(Organisation o) {
        jdbc.sql(
                        "update organisation set name = :name, kind = :kind, country = :country, updated_at = :updated where id = :id")
                .param("id", o.id())
                .param("name", o.name())
                .param("kind", o.kind().name())
                .param("country", o.country())
                .param("updated", Timestamp.from(o.updatedAt()))
                .update();
    }

    private static Organisation map(ResultSet rs, int row) throws SQLException {
        return new Organisation(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                OrganisationKind.valueOf(rs.getString("kind")),
                rs.getString("country"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
