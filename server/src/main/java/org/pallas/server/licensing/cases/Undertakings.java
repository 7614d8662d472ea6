package org.pallas.server.licensing.cases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.pallas.licensing.UndertakingDocument;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploads of the end-user undertaking. The type is detected from the content (magic bytes; a DOCX is a ZIP holding
 * {@code word/document.xml}), never from the file name or the declared content type, and the size is capped. No
 * virus scanner is wired in yet.
 */
@Component
public class Undertakings {

    private final JdbcClient jdbc;
    private final Cases cases;
    private final Clock clock;

    Undertakings(JdbcClient jdbc, Cases cases, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.clock = clock;
    }

    /** Stores the document and attaches it to the draft (a draft save, so it is on the record). */
    @Transactional
    public UndertakingDocument upload(Caller caller, UUID caseId, byte[] content) {
        Cases.Draft draft = cases.draft(caller, caseId);
        if (content == null || content.length == 0) {
            throw new InvalidInputException("undertaking", "choose the signed end-user undertaking to upload");
        }
        if (content.length > UndertakingDocument.MAX_SIZE_BYTES) {
            throw new InvalidInputException(
                    "undertaking",
                    "the undertaking is larger than " + UndertakingDocument.MAX_SIZE_BYTES / (1024 * 1024) + " MB");
        }
        String mediaType = detect(content)
                .orElseThrow(() -> new InvalidInputException(
                        "undertaking",
                        "the undertaking must be a PDF, PNG, JPEG or DOCX file (judged by its content)"));
        UUID id = UUID.randomUUID();
        String sha256 = sha256(content);
        jdbc.sql("""
                insert into licensing_document (id, case_id, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:id, :case, :type, :size, :sha, :content, :by, :at)""")
                .param("id", id)
                .param("case", caseId)
                .param("type", mediaType)
                .param("size", (long) content.length)
                .param("sha", sha256)
                .param("content", content)
                .param("by", caller.userId())
                .param("at", Timestamp.from(clock.instant()))
                .update();
        UndertakingDocument document = new UndertakingDocument(id.toString(), mediaType, content.length, sha256);
        cases.saveDraft(caller, caseId, draft.details().withUndertaking(document), draft.declarations());
        return document;
    }

    static Optional<String> detect(byte[] b) {
        if (startsWith(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return Optional.of("application/pdf");
        }
        if (startsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04) && zipHolds(b, "word/document.xml")) {
            return Optional.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean zipHolds(byte[] b, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(b))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
