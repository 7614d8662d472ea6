package org.pallas.server.classification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Products and their versions. Every read takes the caller and filters to its organisation in SQL. */
@Repository
class ProductRepository {

    private static final String VISIBLE = "(cast(:scope as uuid) is null or p.organisation_id = :scope)";
    private static final String CURRENT = """
            select p.id, p.organisation_id, p.current_version, p.created_at, p.updated_at,
                   v.name, v.reference, v.summary, cast(v.answers as text) as answers
            from product p join product_version v on v.product_id = p.id and v.version = p.current_version
            """;

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Product> find(Caller caller, UUID id) {
        return jdbc.sql(CURRENT + " where p.id = :id and " + VISIBLE)
                .param("id", id)
                .param("scope", caller.organisationScope())
                .query(ProductRepository::map)
                .optional();
    }

    /** Visible products, most recently changed first. */
    List<Product> list(Caller caller, int limit) {
        return jdbc.sql(CURRENT + " where " + VISIBLE + " order by p.updated_at desc, v.name limit :limit")
                .param("scope", caller.organisationScope())
                .param("limit", limit)
                .query(ProductRepository::map)
                .list();
    }

    /** Visible products whose current name contains the text, case-insensitively (at most {@code limit}). */
    List<Product> named(Caller caller, String text, int limit) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql(CURRENT + " where " + VISIBLE + " and v.name ilike :like order by v.name limit :limit")
                .param("scope", caller.organisationScope())
                .param("like", like)
                .param("limit", limit)
                .query(ProductRepository::map)
                .list();
    }

    /** Versions of a product the caller has already been allowed to see, newest first. */
    List<ProductVersion> versions(UUID productId) {
        return jdbc.sql("select v.*, cast(v.answers as text) as answers_text from product_version v"
                        + " where v.product_id = :id order by v.version desc")
                .param("id", productId)
                .query(ProductRepository::mapVersion)
                .list();
    }

    Optional<ProductVersion> version(UUID productId, int version) {
        return jdbc.sql("select v.*, cast(v.answers as text) as answers_text from product_version v"
                        + " where v.product_id = :id and v.version = :version")
                .param("id", productId)
                .param("version", version)
                .query(ProductRepository::mapVersion)
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from product where id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(UUID id, UUID organisationId, Instant now) {
        jdbc.sql("""
                insert into product (id, organisation_id, current_version, created_at, updated_at)
                values (:id, :org, 1, :now, :now)""")
                .param("id", id)
                .param("org", organisationId)
                .param("now", Timestamp.from(now))
                .update();
    }

    void insertVersion(ProductVersion v) {
        jdbc.sql("""
                insert into product_version (product_id, version, name, reference, summary, answers, created_at, created_by)
                values (:id, :version, :name, :reference, :summary, cast(:answers as jsonb), :at, :by)""")
                .param("id", v.productId())
                .param("version", v.version())
                .param("name", v.name())
                .param("reference", v.reference())
                .param("summary", v.summary())
                .param("answers", JsonColumns.write(v.answers()))
                .param("at", Timestamp.from(v.createdAt()))
                .param("by", v.createdBy())
                .update();
        jdbc.sql("update product set current_version = :version, updated_at = :at where id = :id")
                .param("id", v.productId())
                .param("version", v.version())
                .param("at", Timestamp.from(v.createdAt()))
                .update();
    }

    /** Locks the product row so that two concurrent revisions cannot take the same version number. */
    int lockCurrentVersion(UUID id) {
        return jdbc.sql("select current_version from product where id = :id for update")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    private static Product map(ResultSet rs, int row) throws SQLException {
        return new Product(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getInt("current_version"),
                rs.getString("name"),
                rs.getString("reference"),
                rs.getString("summary"),
                JsonColumns.answers(rs.getString("answers")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static ProductVersion mapVersion(ResultSet rs, int row) throws SQLException {
        return new ProductVersion(
                rs.getObject("product_id", UUID.class),
                rs.getInt("version"),
                rs.getString("name"),
                rs.getString("reference"),
                rs.getString("summary"),
                JsonColumns.answers(rs.getString("answers_text")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("created_by", UUID.class));
    }
}
