package org.pallas.ledger;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * One signature line of a signed note: {@code — <keyName> base64(keyId || signature)}. The key ID is the
 * 4-byte big-endian hint that, with the name, selects the verifier key; {@code signature} excludes it.
 */
public record NoteSignature(String keyName, int keyId, byte[] signature) {

    public NoteSignature {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The signature line, including the em dash and the final newline. */
    public String line() {
        byte[] all = ByteBuffer.allocate(4 + signature.length)
                .putInt(keyId)
                .put(signature)
                .array();
        return "\u2014 " + keyName + " " + NoteText.base64(all) + "\n";
    }

    public String keyIdHex() {
        return String.format(Locale.ROOT, "%08x", keyId);
    }

    @Override
    public String toString() {
        return keyName + "+" + keyIdHex();
    }
}
