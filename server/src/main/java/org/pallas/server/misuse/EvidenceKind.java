package org.pallas.server.misuse;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of evidence accepted, each recognised by its content (magic bytes), never by its name or stated type. */
public enum EvidenceKind {
    STIX_BUNDLE("application/stix+json"),
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg");

    private final String mediaType;

    EvidenceKind(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The document kind of the bytes (PDF, PNG, JPEG), by their first bytes. */
    static Optional<EvidenceKind> document(byte[] content) {
        if (starts(content, "%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            return Optional.of(PDF);
        }
        if (starts(content, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return Optional.of(PNG);
        }
        if (starts(content, new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return Optional.of(JPEG);
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }
}
