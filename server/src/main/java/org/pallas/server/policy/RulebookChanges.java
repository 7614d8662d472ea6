package org.pallas.server.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reviewed rule changes (four eyes): a caseworker or senior officer proposes a replacement for one rule file with a
 * new version; another senior officer approves it, and only then is the new version active. Every step is recorded
 * with a {@link RulebookChanged}.
 */
@Service
class RulebookChanges {

    /** A proposed, approved or rejected change. */
    record Change(
            UUID id,
            String baseVersion,
            String newVersion,
            String newHash,
            String file,
            String reason,
            String status,
            UUID proposedBy,
            Instant proposedAt,
            UUID decidedBy,
            Instant decidedAt) {}

    private final Rulebooks rulebooks;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RulebookChanges(Rulebooks rulebooks, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.rulebooks = rulebooks;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    Change propose(Caller caller, String file, String content, String newVersion, String reason) {
        if (caller.isExporter() || !caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER)) {
            throw new AccessDeniedException("Only caseworkers and senior officers may propose rule changes.");
        }
        if (newVersion == null || !newVersion.matches("[0-9A-Za-z][0-9A-Za-z.\\-]{0,99}")) {
            throw new InvalidInputException(
                    "newVersion", "Give the new version, e.g. 2026.12.01-1 (letters, digits, " + "'.' and '-')");
        }
        if (rulebooks.known(newVersion) || pendingVersion(newVersion)) {
            throw new InvalidInputException("newVersion", "Version " + newVersion + " is already taken");
        }
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new InvalidInputException("reason", "Say why the rules should change (up to 2000 characters)");
        }
        Rulebooks.Version candidate = rulebooks.candidate(file, content, newVersion);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String base = rulebooks.active().version();
        jdbc.sql("""
                insert into rulebook_change (id, base_version, new_version, new_hash, file_name, content, reason,
                    status, proposed_by, proposed_at)
                values (:id, :base, :version, :hash, :file, :content, :reason, 'PROPOSED', :by, :at)""")
                .param("id", id)
                .param("base", base)
                .param("version", newVersion)
                .param("hash", candidate.rulebook().contentHash())
                .param("file", file)
                .param("content", content)
                .param("reason", reason.strip())
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .update();
        // The ledger holds the proposed text's digest, not the text: a rule file may exceed a ledger record.
        publish(
                RulebookChanged.RulebookChangeProposed::new,
                id,
                caller,
                now,
                base,
                newVersion,
                candidate.rulebook().contentHash(),
                file,
                reason.strip(),
                Map.of("contentSha256", sha256(content)));
        return find(id);
    }

    /** Four eyes: a senior officer other than the proposer approves; the new version is active once committed. */
    @Transactional
    Change approve(Caller caller, UUID id) {
        Change change = decidable(caller, id);
        if (!change.baseVersion().equals(rulebooks.active().version())) {
            throw new InvalidInputException(
                    "baseVersion",
                    "The change was proposed against version "
                            + change.baseVersion() + " but "
                            + rulebooks.active().version()
                            + " is now active; propose it again against the active version");
        }
        String content = jdbc.sql("select content from rulebook_change where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        Rulebooks.Version candidate = rulebooks.candidate(change.file(), content, change.newVersion());
        decide(caller, change, "APPROVED", RulebookChanged.RulebookChangeApproved::new);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                rulebooks.activate(candidate);
            }
        });
        return find(id);
    }

    @Transactional
    Change reject(Caller caller, UUID id) {
        decide(caller, decidable(caller, id), "REJECTED", RulebookChanged.RulebookChangeRejected::new);
        return find(id);
    }

    Change find(Caller caller, UUID id) {
        if (caller.isExporter() || caller.isCivilSociety()) {
            throw new NotFoundException("Rule change", id);
        }
        return find(id);
    }

    List<Change> list(Caller caller) {
        RulebookView.requireReader(caller);
        return jdbc.sql(SELECT + " order by proposed_at desc")
                .query(RulebookChanges::change)
                .list();
    }

    private Change decidable(Caller caller, UUID id) {
        Change change = find(caller, id);
        if (!caller.hasRole(Role.SENIOR_OFFICER) || caller.isExporter()) {
            throw new AccessDeniedException("Only a senior officer may approve or reject a rule change.");
        }
        if (change.proposedBy().equals(caller.userId())) {
            throw new AccessDeniedException("Four eyes: the proposer of a rule change may not decide it.");
        }
        if (!change.status().equals("PROPOSED")) {
            throw new InvalidInputException("status", "The change is already " + change.status());
        }
        return change;
    }

    private void decide(Caller caller, Change change, String status, Function<Facts, RulebookChanged> event) {
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                update rulebook_change set status = :status, decided_by = :by, decided_at = :at
                where id = :id and status = 'PROPOSED'""")
                .param("status", status)
                .param("by", caller.userId())
                .param("at", Timestamp.from(now))
                .param("id", change.id())
                .update();
        if (updated != 1) {
            throw new InvalidInputException("status", "The change was decided meanwhile");
        }
        publish(
                event,
                change.id(),
                caller,
                now,
                change.baseVersion(),
                change.newVersion(),
                change.newHash(),
                change.file(),
                change.reason(),
                Map.of());
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean pendingVersion(String version) {
        return jdbc.sql("select count(*) from rulebook_change where new_version = :v and status = 'PROPOSED'")
                        .param("v", version)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private Change find(UUID id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(RulebookChanges::change)
                .optional()
                .orElseThrow(() -> new NotFoundException("Rule change", id));
    }

    private void publish(
            Function<Facts, RulebookChanged> event,
            UUID id,
            Caller caller,
            Instant at,
            String base,
            String version,
            String hash,
            String file,
            String reason,
            Map<String, Object> confidential) {
        events.publishEvent(event.apply(new Facts(
                id.toString(),
                caller.userId(),
                at,
                Map.of("baseVersion", base, "newVersion", version, "newHash", hash, "file", file, "reason", reason),
                confidential)));
    }

    private static final String SELECT = """
            select id, base_version, new_version, new_hash, file_name, reason, status, proposed_by, proposed_at,
                   decided_by, decided_at from rulebook_change""";

    private static Change change(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Change(
                rs.getObject("id", UUID.class),
                rs.getString("base_version"),
                rs.getString("new_version"),
                rs.getString("new_hash"),
                rs.getString("file_name"),
                rs.getString("reason"),
                rs.getString("status"),
                rs.getObject("proposed_by", UUID.class),
                rs.getTimestamp("proposed_at").toInstant(),
                rs.getObject("decided_by", UUID.class),
                decided == null ? null : decided.toInstant());
    }
}
