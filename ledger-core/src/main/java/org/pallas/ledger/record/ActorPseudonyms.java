package org.pallas.ledger.record;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms for actors in public entries: {@code ps1:} and the first 16 bytes of
 * HMAC-SHA256(key, "pallas-actor-v1" || 0x0A || internal id), in hex. The same actor always gets the same
 * pseudonym, so patterns stay auditable, but without the key nobody can link a pseudonym to a person or
 * test a guess. The key is a secret of the server, at least 32 bytes, supplied by the caller.
 */
public final class ActorPseudonyms {
    private final SecretKeySpec key;

    public ActorPseudonyms(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("pseudonym key must be at least 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String pseudonym(String internalActorId) {
        if (internalActorId == null || internalActorId.isEmpty()) {
            throw new IllegalArgumentException("actor id is required");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] tag = mac.doFinal(("pallas-actor-v1\n" + internalActorId).getBytes(StandardCharsets.UTF_8));
            return "ps1:" + HexFormat.of().formatHex(tag, 0, 16);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
