package org.pallas.server.misuse;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The reports' tables (V22_1): rows in, rows out; who may see what is decided by {@link MisuseReports}. */
@Repository
class ReportStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;

    ReportStore(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** A report row as stored (the account still encrypted). */
    record Row(
            UUID id,
            String reference,
            UUID organisationId,
            String vendor,
            String product,
            String operator,
            String country,
            LocalDate seenFrom,
            LocalDate seenUntil,
            List<TargetKind> targetKinds,
            Discovery discovery,
            byte[] account,
            byte[] wrappedKey,
            ReportStatus status,
            EvidenceRating rating,
            SourceReliability reliability,
            TriageOutcome outcome,
            String outcomeReasons,
            boolean actionTaken,
            LocalDate receivedOn,
            Instant assessedAt) {}

    record EvidenceRow(
            UUID id, int position, EvidenceKind kind, String mediaType, long size, String sha256, int indicators) {}

    record MessageRow(String author, String body, Instant sentAt) {}

    record LinkRow(String kind, String label, String country) {}

    String nextReference(int year) {
        long n = jdbc.sql("select nextval('misuse_report_reference_seq')")
                .query(Long.class)
                .single();
        return String.format(java.util.Locale.ROOT, "MR-%d-%05d", year, n);
    }

    void insert(Row r, byte[] receiptHash, Instant now) {
        jdbc.sql("""
                insert into misuse_report (id, reference, receipt_index, receipt_hash, organisation_id, vendor, product,
                    operator, country, seen_from, seen_until, target_kinds, discovery, account, wrapped_key, status,
                    received_on, updated_at)
                values (:id, :reference, :index, :hash, :org, :vendor, :product, :operator, :country, :from, :until,
                    cast(:targets as jsonb), :discovery, :account, :key, :status, :on, :now)""")
                .param("id", r.id())
                .param("reference", r.reference())
                .param("index", Receipts.index(receiptHash))
                .param("hash", receiptHash)
                .param("org", r.organisationId())
                .param("vendor", r.vendor())
                .param("product", r.product())
                .param("operator", r.operator())
                .param("country", r.country())
                .param("from", r.seenFrom() == null ? null : Date.valueOf(r.seenFrom()))
                .param("until", r.seenUntil() == null ? null : Date.valueOf(r.seenUntil()))
                .param("targets", json.writeValueAsString(r.targetKinds()))
                .param("discovery", r.discovery().name())
                .param("account", r.account())
                .param("key", r.wrappedKey())
                .param("status", r.status().name())
                .param("on", Date.valueOf(r.receivedOn()))
                .param("now", Timestamp.from(now))
                .update();
    }

    void insertEvidence(UUID reportId, EvidenceRow e, byte[] sealed) {
        jdbc.sql("""
                insert into misuse_evidence (id, report_id, position, kind, media_type, size_bytes, sha256, indicators,
                    content)
                values (:id, :report, :position, :kind, :type, :size, :sha, :indicators, :content)""")
                .param("id", e.id())
                .param("report", reportId)
                .param("position", e.position())
                .param("kind", e.kind().name())
                .param("type", e.mediaType())
                .param("size", e.size())
                .param("sha", e.sha256())
                .param("indicators", e.indicators())
                .param("content", sealed)
                .update();
    }

    void insertIndicators(UUID reportId, List<Indicator> indicators) {
        batch.batchUpdate(
                "insert into misuse_indicator (report_id, kind, value) values (?, ?, ?) on conflict do nothing",
                indicators,
                500,
                (ps, i) -> {
                    ps.setObject(1, reportId);
                    ps.setString(2, i.kind().name());
                    ps.setString(3, i.value());
                });
    }

    /** The report whose receipt hash starts as given (the caller compares the full hash). */
    Optional<Map.Entry<UUID, byte[]>> byReceiptIndex(String index) {
        return jdbc.sql("select id, receipt_hash from misuse_report where receipt_index = :index")
                .param("index", index)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getBytes(2)))
                .optional();
    }

    /** One report; {@code organisation} non-null scopes it to that filing organisation. */
    Optional<Row> find(UUID id, UUID organisation, boolean forUpdate) {
        return jdbc.sql("select * from misuse_report where id = :id"
                        + (organisation == null ? "" : " and organisation_id = :org")
                        + (forUpdate ? " for update" : ""))
                .param("id", id)
                .param("org", organisation)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<Row> byReference(String reference) {
        return jdbc.sql("select * from misuse_report where reference = :ref")
                .param("ref", reference)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The queue: newest first; {@code organisation} non-null lists only that organisation's reports. */
    List<Row> list(UUID organisation, ReportStatus status) {
        return jdbc.sql("select * from misuse_report where (cast(:org as uuid) is null or organisation_id = :org)"
                        + " and (cast(:status as varchar) is null or status = :status)"
                        + " order by received_on desc, reference desc limit 500")
                .param("org", organisation)
                .param("status", status == null ? null : status.name())
                .query((rs, n) -> row(rs))
                .list();
    }

    List<EvidenceRow> evidence(UUID reportId) {
        return jdbc.sql("""
                select id, position, kind, media_type, size_bytes, sha256, indicators from misuse_evidence
                where report_id = :id order by position""")
                .param("id", reportId)
                .query((rs, n) -> new EvidenceRow(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        EvidenceKind.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getString(6),
                        rs.getInt(7)))
                .list();
    }

    Optional<Map.Entry<EvidenceRow, byte[]>> evidenceContent(UUID reportId, int position) {
        return jdbc.sql("""
                select id, position, kind, media_type, size_bytes, sha256, indicators, content from misuse_evidence
                where report_id = :id and position = :position""")
                .param("id", reportId)
                .param("position", position)
                .query((rs, n) -> Map.entry(
                        new EvidenceRow(
                                rs.getObject(1, UUID.class),
                                rs.getInt(2),
                                EvidenceKind.valueOf(rs.getString(3)),
                                rs.getString(4),
                                rs.getLong(5),
                                rs.getString(6),
                                rs.getInt(7)),
                        rs.getBytes(8)))
                .optional();
    }

    List<Indicator> indicators(UUID reportId) {
        return jdbc.sql("select kind, value from misuse_indicator where report_id = :id order by kind, value")
                .param("id", reportId)
                .query((rs, n) -> new Indicator(Indicator.Kind.valueOf(rs.getString(1)), rs.getString(2)))
                .list();
    }

    /** Other reports sharing indicators with this one: reference and the number shared, most first. */
    List<Map.Entry<String, Integer>> sharingIndicators(UUID reportId) {
        return jdbc.sql("""
                select r.reference, count(*) as shared from misuse_indicator i
                join misuse_indicator o on o.kind = i.kind and o.value = i.value and o.report_id <> i.report_id
                join misuse_report r on r.id = o.report_id
                where i.report_id = :id
                group by r.reference order by shared desc, r.reference limit 20""")
                .param("id", reportId)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list();
    }

    void addMessage(UUID reportId, String author, String body, Instant at) {
        jdbc.sql("""
                insert into misuse_message (id, report_id, author, body, sent_at)
                values (:id, :report, :author, :body, :at)""")
                .param("id", UUID.randomUUID())
                .param("report", reportId)
                .param("author", author)
                .param("body", body)
                .param("at", Timestamp.from(at))
                .update();
        touch(reportId, at);
    }

    List<MessageRow> messages(UUID reportId) {
        return jdbc.sql("select author, body, sent_at from misuse_message where report_id = :id order by sent_at, id")
                .param("id", reportId)
                .query((rs, n) -> new MessageRow(
                        rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }

    void assess(
            UUID id,
            ReportStatus status,
            EvidenceRating rating,
            SourceReliability reliability,
            TriageOutcome outcome,
            String reasons,
            UUID by,
            Instant at) {
        jdbc.sql("""
                update misuse_report set status = :status, evidence_rating = :rating, source_reliability = :reliability,
                    outcome = :outcome, outcome_reasons = :reasons, assessed_by = :by, assessed_at = :at, updated_at = :at
                where id = :id""")
                .param("id", id)
                .param("status", status.name())
                .param("rating", rating.name())
                .param("reliability", reliability.name())
                .param("outcome", outcome.name())
                .param("reasons", reasons)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    void replaceLinks(UUID id, List<LinkRow> links, java.util.function.Function<String, String> key) {
        jdbc.sql("delete from misuse_link where report_id = :id")
                .param("id", id)
                .update();
        for (LinkRow l : links) {
            jdbc.sql("""
                    insert into misuse_link (report_id, kind, label, name_key, country)
                    values (:id, :kind, :label, :key, :country) on conflict do nothing""")
                    .param("id", id)
                    .param("kind", l.kind())
                    .param("label", l.label())
                    .param("key", key.apply(l.label()))
                    .param("country", l.country() == null ? "" : l.country())
                    .update();
        }
    }

    List<LinkRow> links(UUID id) {
        return jdbc.sql("select kind, label, country from misuse_link where report_id = :id order by kind, label")
                .param("id", id)
                .query((rs, n) -> new LinkRow(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Confirmed reports linking an end user of that name key (and country, "" matching any) or a product key. */
    List<Map.Entry<String, LinkRow>> confirmedLinks(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select r.reference, l.kind, l.label, l.country, l.name_key from misuse_link l
                join misuse_report r on r.id = l.report_id
                where r.status = 'CONFIRMED' and l.name_key in (:keys) and l.kind in ('END_USER', 'PRODUCT', 'VENDOR')
                order by r.reference""")
                .param("keys", keys)
                .query((rs, n) ->
                        Map.entry(rs.getString(1), new LinkRow(rs.getString(2), rs.getString(5), rs.getString(4))))
                .list();
    }

    void markActionTaken(UUID id, Instant at) {
        jdbc.sql("update misuse_report set action_taken = true, updated_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    private void touch(UUID id, Instant at) {
        jdbc.sql("update misuse_report set updated_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Reports received, triaged (assessed at all) and confirmed. */
    Map<String, Long> counts() {
        return jdbc.sql("""
                select count(*), count(*) filter (where status <> 'RECEIVED'), count(*) filter (where status = 'CONFIRMED')
                from misuse_report""")
                .query((rs, n) ->
                        Map.of("received", rs.getLong(1), "triaged", rs.getLong(2), "confirmed", rs.getLong(3)))
                .single();
    }

    private Row row(ResultSet rs) throws SQLException {
        List<TargetKind> targets = new ArrayList<>();
        for (Object t : json.readValue(rs.getString("target_kinds"), List.class)) {
            targets.add(TargetKind.valueOf(t.toString()));
        }
        Date from = rs.getDate("seen_from");
        Date until = rs.getDate("seen_until");
        Timestamp assessed = rs.getTimestamp("assessed_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("vendor"),
                rs.getString("product"),
                rs.getString("operator"),
                rs.getString("country"),
                from == null ? null : from.toLocalDate(),
                until == null ? null : until.toLocalDate(),
                targets,
                Discovery.valueOf(rs.getString("discovery")),
                rs.getBytes("account"),
                rs.getBytes("wrapped_key"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getString("evidence_rating") == null
                        ? null
                        : EvidenceRating.valueOf(rs.getString("evidence_rating")),
                rs.getString("source_reliability") == null
                        ? null
                        : SourceReliability.valueOf(rs.getString("source_reliability")),
                rs.getString("outcome") == null ? null : TriageOutcome.valueOf(rs.getString("outcome")),
                rs.getString("outcome_reasons"),
                rs.getBoolean("action_taken"),
                rs.getDate("received_on").toLocalDate(),
                assessed == null ? null : assessed.toInstant());
    }
}
