package org.pallas.server.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.pallas.ledger.NoteFormatException;
import org.pallas.ledger.NoteSigner;
import org.pallas.ledger.NoteVerifier;
import org.pallas.ledger.record.ActorPseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The log's secrets: the Ed25519 checkpoint signing key and the HMAC key of actor pseudonyms. In production
 * (an external database) both come from files named by {@code pallas.ledger.key-file} and
 * {@code pallas.ledger.pseudonym-key-file}; with the embedded database they are generated on first start
 * under {@code pallas.data-dir}/ledger and kept there, so a restart signs with the same key.
 */
@Component
class LedgerKeys {

    private static final Logger log = LoggerFactory.getLogger(LedgerKeys.class);

    private final String origin;
    private final NoteSigner signer;
    private final ActorPseudonyms pseudonyms;

    LedgerKeys(Environment env) {
        this.origin = env.getProperty("pallas.ledger.origin", "pallas.localhost/ledger");
        String url = env.getProperty("spring.datasource.url", "");
        boolean embedded = url.isBlank();
        Path dir = Path.of(env.getProperty("pallas.data-dir", "./data"))
                .toAbsolutePath()
                .normalize()
                .resolve("ledger");
        SecureRandom random = new SecureRandom();
        try {
            Path keyFile = file(env, "pallas.ledger.key-file", dir.resolve("log.key"), embedded);
            if (!Files.exists(keyFile)) {
                writeSecret(keyFile, NoteSigner.generate(origin, random).encode());
                log.info("Generated the ledger signing key in {}", keyFile);
            }
            this.signer = NoteSigner.parse(Files.readString(keyFile, StandardCharsets.US_ASCII));
            if (!signer.name().equals(origin)) {
                throw new IllegalStateException("The ledger key in " + keyFile + " is named " + signer.name()
                        + " but pallas.ledger.origin is " + origin + "; the key name must be the log's origin");
            }
            Path pseudonymFile = file(env, "pallas.ledger.pseudonym-key-file", dir.resolve("pseudonym.key"), embedded);
            if (!Files.exists(pseudonymFile)) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                writeSecret(pseudonymFile, Base64.getEncoder().encodeToString(key));
            }
            this.pseudonyms = new ActorPseudonyms(Base64.getDecoder()
                    .decode(Files.readString(pseudonymFile, StandardCharsets.US_ASCII)
                            .strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the ledger keys", e);
        } catch (NoteFormatException e) {
            throw new IllegalStateException("The ledger signing key is not a valid signer key: " + e.getMessage(), e);
        }
    }

    private static Path file(Environment env, String property, Path embeddedDefault, boolean embedded) {
        String configured = env.getProperty(property, "");
        if (!configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isReadable(path)) {
                throw new IllegalStateException(
                        property + " names " + path + ", which does not exist or cannot be read");
            }
            return path;
        }
        if (!embedded) {
            throw new IllegalStateException("Set " + property + ": with an external database the ledger keys must come "
                    + "from files you manage, not be generated");
        }
        return embeddedDefault;
    }

    private static void writeSecret(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return;
        }
        Files.writeString(file, text + "\n", StandardCharsets.US_ASCII);
    }

    String origin() {
        return origin;
    }

    NoteSigner signer() {
        return signer;
    }

    NoteVerifier verifier() {
        return signer.verifier();
    }

    ActorPseudonyms pseudonyms() {
        return pseudonyms;
    }
}
