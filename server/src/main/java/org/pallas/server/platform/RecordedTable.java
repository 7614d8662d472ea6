package org.pallas.server.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link RecordedState} read from one table keyed by a UUID: {@code idsSql} lists every row's id,
 * {@code rowSql} reads one row by {@code :id}, and {@code columns} maps it to the strings an entry vouches
 * for. The static helpers give every module the same spelling of absent values, instants and digests.
 */
public record RecordedTable(JdbcClient jdbc, String subjectType, String idsSql, String rowSql, Columns columns)
        implements RecordedState {

    /** Maps the row the cursor is on. */
    @FunctionalInterface
    public interface Columns {
        Map<String, String> map(ResultSet rs) throws SQLException;
    }

    @Override
    public Optional<Map<String, String>> current(String subjectId) {
        UUID id;
        try {
            id = UUID.fromString(subjectId);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql(rowSql)
                .param("id", id)
                .query((rs, n) -> columns.map(rs))
                .optional();
    }

    @Override
    public List<String> subjectIds() {
        return jdbc.sql(idsSql).query(String.class).list();
    }

    /** {@code null} as the empty string. */
    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** An instant in ISO-8601 UTC, or the empty string. */
    public static String instant(Timestamp value) {
        return value == null ? "" : value.toInstant().toString();
    }

    /** {@code sha256:<hex>} of the UTF-8 bytes, or the empty string for {@code null}. */
    public static String digest(String value) {
        return value == null ? "" : digest(value.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code sha256:<hex>} of the bytes, or the empty string for {@code null}. */
    public static String digest(byte[] value) {
        if (value == null) {
            return "";
        }
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
