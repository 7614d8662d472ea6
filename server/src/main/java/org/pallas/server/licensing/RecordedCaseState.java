package org.pallas.server.licensing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.RecordedState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The recorded state of a case for the ledger's integrity check. The stored commands are the case's source of truth
 * (everything else is rebuilt from them or projected from them), so the state is their count and a SHA-256 over every
 * command in order (number, kind, actor, payload, time), with the owning organisation, the reference and the status.
 * A command added, removed or edited in the database outside Pallas no longer matches the latest entry.
 */
@Component
class RecordedCaseState implements RecordedState {

    private final JdbcClient jdbc;

    RecordedCaseState(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String subjectType() {
        return "case";
    }

    @Override
    public Optional<Map<String, String>> current(String subjectId) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        Optional<Map<String, String>> head = jdbc.sql(
                "select organisation_id::text, reference, status from licensing_case where id = :id")
                .param("id", id).query((rs, n) -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("organisationId", rs.getString(1));
                    s.put("reference", rs.getString(2));
                    s.put("status", rs.getString(3));
                    return s;
                }).optional();
        if (head.isEmpty()) {
            return head;
        }
        MessageDigest sha = sha256();
        List<String> lines = jdbc.sql("""
                select seq, kind, actor::text, payload::text, at from licensing_case_command where case_id = :id
                order by seq""")
                .param("id", id).query((rs, n) -> rs.getInt(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|"
                        + rs.getString(4) + "|" + rs.getTimestamp(5).toInstant() + "\n").list();
        lines.forEach(line -> sha.update(line.getBytes(StandardCharsets.UTF_8)));
        Map<String, String> state = head.get();
        state.put("commands", Integer.toString(lines.size()));
        state.put("commandsDigest", "sha256:" + HexFormat.of().formatHex(sha.digest()));
        return Optional.of(state);
    }

    @Override
    public List<String> subjectIds() {
        return jdbc.sql("select id::text from licensing_case order by id").query(String.class).list();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
