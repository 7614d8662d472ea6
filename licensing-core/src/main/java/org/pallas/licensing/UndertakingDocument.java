package org.pallas.licensing;

import java.util.Set;

/**
 * Reference to the uploaded end-user undertaking. The upload service detects {@code mediaType} from the content (not
 * the file name) and virus-scans it; the application keeps only the reference, size and digest.
 */
public record UndertakingDocument(String documentId, String mediaType, long sizeBytes, String sha256) {

    public static final long MAX_SIZE_BYTES = 10L * 1024 * 1024;

    public static final Set<String> ACCEPTED_MEDIA_TYPES = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}
