package org.pallas.server.identity;

import static org.pallas.server.platform.RecordedTable.digest;
import static org.pallas.server.platform.RecordedTable.instant;
import static org.pallas.server.platform.RecordedTable.text;

import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.server.platform.RecordedState;
import org.pallas.server.platform.RecordedTable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recorded state of organisations, users and tokens for the ledger's integrity check: every column
 * a change sets, secrets only as SHA-256 digests. Timestamps of bookkeeping ({@code updated_at}) are left
 * out; they carry no decision. The OIDC subject linked at first single sign-on is included once set
 * ({@code identity.user.oidc-linked}).
 */
@Configuration(proxyBeanMethods = false)
class RecordedIdentityState {

    @Bean
    RecordedState organisationState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc,
                "organisation",
                "select id from organisation order by id",
                "select * from organisation where id = :id",
                rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("name", rs.getString("name"));
                    s.put("kind", rs.getString("kind"));
                    s.put("country", text(rs.getString("country")));
                    s.put("createdAt", instant(rs.getTimestamp("created_at")));
                    return s;
                });
    }

    @Bean
    RecordedState userState(JdbcClient jdbc) {
        return new RecordedTable(jdbc, "user", "select id from app_user order by id", """
                select u.*, (select string_agg(r.role, ',' order by r.role) from user_role r where r.user_id = u.id) as roles
                from app_user u where u.id = :id""", rs -> {
            Map<String, String> s = new LinkedHashMap<>();
            s.put("organisationId", rs.getString("organisation_id"));
            s.put("username", rs.getString("username"));
            s.put("displayName", rs.getString("display_name"));
            s.put("email", text(rs.getString("email")));
            s.put("team", text(rs.getString("team")));
            s.put("roles", text(rs.getString("roles")));
            s.put("enabled", Boolean.toString(rs.getBoolean("enabled")));
            s.put("passwordHash", digest(rs.getString("password_hash")));
            s.put("createdAt", instant(rs.getTimestamp("created_at")));
            // Only once linked, so that entries written before subjects were recorded still agree.
            if (rs.getString("oidc_subject") != null) {
                s.put("oidcSubject", rs.getString("oidc_subject"));
            }
            return s;
        });
    }

    @Bean
    RecordedState tokenState(JdbcClient jdbc) {
        return new RecordedTable(
                jdbc, "token", "select id from api_token order by id", "select * from api_token where id = :id", rs -> {
                    Map<String, String> s = new LinkedHashMap<>();
                    s.put("userId", rs.getString("user_id"));
                    s.put("name", rs.getString("name"));
                    s.put("tokenHash", digest(rs.getBytes("token_hash")));
                    s.put("createdAt", instant(rs.getTimestamp("created_at")));
                    s.put("expiresAt", instant(rs.getTimestamp("expires_at")));
                    s.put("revokedAt", instant(rs.getTimestamp("revoked_at")));
                    return s;
                });
    }
}
