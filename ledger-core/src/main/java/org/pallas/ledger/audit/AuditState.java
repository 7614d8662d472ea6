package org.pallas.ledger.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.pallas.ledger.DirectoryTileStore;
import org.pallas.ledger.MerkleHash;

/**
 * The auditor's memory: the last checkpoint it verified for each origin, as the signed note, in
 * {@code <dir>/<origin made file-safe>-<hex8 of SHA-256(origin)>.checkpoint}. The next audit must find the
 * log consistent with it; that is how a fork or a rollback shows up.
 */
public final class AuditState {
    private final Path directory;

    public AuditState(Path directory) {
        this.directory = directory;
    }

    public static AuditState inHome() {
        return new AuditState(Path.of(System.getProperty("user.home"), ".pallas-audit"));
    }

    public Path fileFor(String origin) {
        String safe = origin.replaceAll("[^A-Za-z0-9._-]", "_");
        String tag = MerkleHash.hex(MerkleHash.sha256(origin.getBytes(StandardCharsets.UTF_8)))
                .substring(0, 8);
        return directory.resolve(safe + "-" + tag + ".checkpoint");
    }

    public Optional<byte[]> last(String origin) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(fileFor(origin)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    public void save(String origin, byte[] signedCheckpoint) throws IOException {
        DirectoryTileStore.writeAtomically(fileFor(origin), signedCheckpoint);
    }
}
