package org.pallas.server.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.pallas.server.platform.BearerTokens;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.RecordedEntries;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal access tokens: {@code pallas_} followed by 32 random bytes in base64url. Only the SHA-256
 * of a token is stored; the token is shown once. Tokens expire after {@code pallas.tokens.lifetime}
 * (default 90 days) and can be revoked by their owner. A token authenticates only if the ledger recorded its
 * creation: a row inserted straight into {@code api_token} is refused like an unknown token.
 */
@Service
public class AccessTokens implements BearerTokens {

    static final String PREFIX = "pallas_";
    /** The entry every token issued through Pallas has; a token row without it is not honoured. */
    static final String CREATED = "identity.token.created";

    private static final Pattern SHAPE = Pattern.compile("^pallas_[A-Za-z0-9_-]{43}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenRepository tokens;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration lifetime;
    private final RecordedEntries recorded;

    AccessTokens(
            TokenRepository tokens,
            UserRepository users,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${pallas.tokens.lifetime:P90D}") Duration lifetime,
            RecordedEntries recorded) {
        this.tokens = tokens;
        this.users = users;
        this.events = events;
        this.clock = clock;
        this.lifetime = lifetime;
        this.recorded = recorded;
    }

    /** A token just issued: the secret is here and nowhere else. */
    public record IssuedToken(UUID id, String token, Instant expiresAt) {}

    @Transactional
    public IssuedToken issue(Caller caller, String name) {
        String label = name == null || name.isBlank() ? "API token" : name.strip();
        if (label.length() > 100) {
            throw new InvalidInputException("name", "Token name must be 100 characters or fewer");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        UUID id = UUID.randomUUID();
        tokens.insert(id, caller.userId(), label, sha256(token), now, expires);
        events.publishEvent(new IdentityChanged.TokenCreated(new RecordedChange.Facts(
                id.toString(),
                caller.userId(),
                now,
                Map.of("expiresAt", expires.toString()),
                Map.of("userId", caller.userId().toString(), "name", label))));
        return new IssuedToken(id, token, expires);
    }

    @Transactional(readOnly = true)
    public List<TokenInfo> list(Caller caller) {
        return tokens.ofUser(caller.userId());
    }

    /** Revokes one of the caller's own live tokens; any other id is 404. */
    @Transactional
    public void revoke(Caller caller, UUID id) {
        Instant now = clock.instant();
        if (!tokens.revoke(caller.userId(), id, now)) {
            throw new NotFoundException("Token", id);
        }
        events.publishEvent(new IdentityChanged.TokenRevoked(new RecordedChange.Facts(
                id.toString(),
                caller.userId(),
                now,
                Map.of(),
                Map.of("userId", caller.userId().toString()))));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Caller> authenticate(String token) {
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return tokens.liveToken(sha256(token), clock.instant())
                .filter(live -> recorded.holds(CREATED, "token", live.id().toString()))
                .flatMap(live -> users.caller(live.userId()));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
