package org.pallas.server.misuse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Encryption at rest of what a report carries (its account and evidence files): each report has its own random
 * 256-bit data key, used with AES-GCM (a fresh 96-bit nonce per item, the item's id as associated data, so a
 * ciphertext cannot be moved to another row); the data key is stored wrapped by the instance key, also with
 * AES-GCM. The instance key comes from the file named by {@code pallas.misuse.key-file}; with the embedded database
 * it is generated on first start under {@code pallas.data-dir}/misuse. A database dump alone thus reveals no
 * evidence, and destroying a report's wrapped key erases its evidence.
 */
@Component
class EvidenceVault {

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey instanceKey;
    private final SecureRandom random = new SecureRandom();

    EvidenceVault(Environment env) {
        String configured = env.getProperty("pallas.misuse.key-file", "");
        boolean embedded = env.getProperty("spring.datasource.url", "").isBlank();
        Path file;
        if (!configured.isBlank()) {
            file = Path.of(configured);
        } else if (embedded) {
            file = Path.of(env.getProperty("pallas.data-dir", "./data"))
                    .toAbsolutePath()
                    .normalize()
                    .resolve("misuse")
                    .resolve("instance.key");
            generate(file);
        } else {
            throw new IllegalStateException("Set pallas.misuse.key-file: with an external database the key that "
                    + "wraps misuse-report keys must come from a file you manage");
        }
        try {
            byte[] key = Base64.getDecoder()
                    .decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length != 32) {
                throw new IllegalStateException(file + " must hold a base64 256-bit key");
            }
            this.instanceKey = new SecretKeySpec(key, "AES");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the misuse instance key " + file, e);
        }
    }

    private void generate(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException e) {
            // kept from an earlier start
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the misuse instance key " + file, e);
        }
    }

    /** A new report's data key, and the same key wrapped for storage. */
    record ReportKey(SecretKey key, byte[] wrapped) {}

    ReportKey newReportKey(String reportId) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return new ReportKey(new SecretKeySpec(key, "AES"), seal(instanceKey, key, reportId));
    }

    SecretKey unwrap(byte[] wrapped, String reportId) {
        return new SecretKeySpec(open(instanceKey, wrapped, reportId), "AES");
    }

    byte[] seal(SecretKey key, byte[] plaintext, String associated) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java platform", e);
        }
    }

    byte[] open(SecretKey key, byte[] stored, String associated) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(stored, NONCE, stored.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Stored misuse-report data does not decrypt: tampered or wrong key", e);
        }
    }
}
