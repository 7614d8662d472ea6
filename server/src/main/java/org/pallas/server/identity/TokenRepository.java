package org.pallas.server.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Personal access tokens, stored as SHA-256 hashes. Reads are scoped to the owning user. */
@Repository
class TokenRepository {

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID userId, String name, byte[] hash, Instant created, Instant expires) {
        jdbc.sql("""
                insert into api_token (id, user_id, name, token_hash, created_at, expires_at)
                values (:id, :user, :name, :hash, :created, :expires)""")
                .param("id", id)
                .param("user", userId)
                .param("name", name)
                .param("hash", hash)
                .param("created", Timestamp.from(created))
                .param("expires", Timestamp.from(expires))
                .update();
    }

    record LiveToken(UUID id, UUID userId) {}

    /** A live token (not revoked, not expired) and its user. */
    Optional<LiveToken> liveToken(byte[] hash, Instant now) {
        return jdbc.sql(
                        "select id, user_id from api_token where token_hash = :hash and revoked_at is null and expires_at > :now")
                .param("hash", hash)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new LiveToken(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class)))
                .optional();
    }

    List<TokenInfo> ofUser(UUID userId) {
        return jdbc.sql(
                        "select id, name, created_at, expires_at, revoked_at from api_token where user_id = :user order by created_at desc")
                .param("user", userId)
                .query((rs, n) -> new TokenInfo(
                        rs.getObject("id", UUID.class),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        Optional.ofNullable(rs.getTimestamp("revoked_at"))
                                .map(Timestamp::toInstant)
                                .orElse(null)))
                .list();
    }

    /** Revokes a live token of this user; false when there is none with this id. */
    boolean revoke(UUID userId, UUID tokenId, Instant now) {
        return jdbc.sql(
                                "update api_token set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
                        .param("id", tokenId)
                        .param("user", userId)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
