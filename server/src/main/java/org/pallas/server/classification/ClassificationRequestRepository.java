package org.pallas.server.classification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Classification requests. Every read takes the caller and filters to its organisation in SQL. */
@Repository
class ClassificationRequestRepository {

    private static final String VISIBLE = "(cast(:scope as uuid) is null or r.organisation_id = :scope)";
    private static final String SELECT =
            "select r.*, cast(r.proposal as text) as proposal_text, cast(r.rating as text) as rating_text"
                    + " from classification_request r";

    private final JdbcClient jdbc;

    ClassificationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClassificationRequest> find(Caller caller, UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id and " + VISIBLE)
                .param("id", id)
                .param("scope", caller.organisationScope())
                .query(ClassificationRequestRepository::map)
                .optional();
    }

    /** Locks an open request's row for a decision; empty when it is not (or no longer) open. */
    Optional<ClassificationRequest> lockOpen(UUID id) {
        return jdbc.sql(SELECT + " where r.id = :id and r.status = 'SUBMITTED' for update")
                .param("id", id)
                .query(ClassificationRequestRepository::map)
                .optional();
    }

    /** Visible requests, open ones first, then newest first. */
    List<ClassificationRequest> list(Caller caller, boolean openOnly, int limit) {
        return jdbc.sql(SELECT + " where " + VISIBLE + " and (:open = false or r.status = 'SUBMITTED')"
                        + " order by (r.status = 'SUBMITTED') desc, r.submitted_at desc limit :limit")
                .param("scope", caller.organisationScope())
                .param("open", openOnly)
                .param("limit", limit)
                .query(ClassificationRequestRepository::map)
                .list();
    }

    List<ClassificationRequest> forProduct(UUID productId) {
        return jdbc.sql(SELECT + " where r.product_id = :id order by r.submitted_at desc")
                .param("id", productId)
                .query(ClassificationRequestRepository::map)
                .list();
    }

    Optional<ClassificationRequest> latestDecided(UUID productId) {
        return jdbc.sql(SELECT
                        + " where r.product_id = :id and r.status <> 'SUBMITTED' order by r.decided_at desc limit 1")
                .param("id", productId)
                .query(ClassificationRequestRepository::map)
                .optional();
    }

    boolean hasOpen(UUID productId) {
        return jdbc.sql("select count(*) from classification_request where product_id = :id and status = 'SUBMITTED'")
                        .param("id", productId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void insert(ClassificationRequest r) {
        jdbc.sql("""
                insert into classification_request (id, product_id, product_version, organisation_id, status, note, proposal,
                    reference_data_version, reference_data_sha256, submitted_at, submitted_by)
                values (:id, :product, :version, :org, :status, :note, cast(:proposal as jsonb), :dataVersion, :sha,
                    :at, :by)""")
                .param("id", r.id())
                .param("product", r.productId())
                .param("version", r.productVersion())
                .param("org", r.organisationId())
                .param("status", r.status().name())
                .param("note", r.note())
                .param("proposal", JsonColumns.write(r.proposal()))
                .param("dataVersion", r.referenceDataVersion())
                .param("sha", r.referenceDataSha256())
                .param("at", Timestamp.from(r.submittedAt()))
                .param("by", r.submittedBy())
                .update();
    }

    void decide(ClassificationRequest r) {
        jdbc.sql("""
                update classification_request set status = :status, rating = cast(:rating as jsonb), decision_reasons = :reasons,
                    decided_at = :at, decided_by = :by where id = :id and status = 'SUBMITTED'""")
                .param("id", r.id())
                .param("status", r.status().name())
                .param("rating", JsonColumns.write(r.rating()))
                .param("reasons", r.decisionReasons())
                .param("at", Timestamp.from(r.decidedAt()))
                .param("by", r.decidedBy())
                .update();
    }

    private static ClassificationRequest map(ResultSet rs, int row) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ClassificationRequest(
                rs.getObject("id", UUID.class),
                rs.getObject("product_id", UUID.class),
                rs.getInt("product_version"),
                rs.getObject("organisation_id", UUID.class),
                RequestStatus.valueOf(rs.getString("status")),
                rs.getString("note"),
                JsonColumns.read(rs.getString("proposal_text"), Proposal.class),
                rs.getString("reference_data_version"),
                rs.getString("reference_data_sha256"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("submitted_by", UUID.class),
                JsonColumns.read(rs.getString("rating_text"), Rating.class),
                rs.getString("decision_reasons"),
                decided == null ? null : decided.toInstant(),
                rs.getObject("decided_by", UUID.class));
    }
}
