package org.pallas.ledger;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Tiles as files under a directory, laid out exactly as the tlog-tiles URL paths, so any static file server
 * can publish the directory and an auditor can audit a copy of it offline. The checkpoint is the file
 * {@code checkpoint}. Writes go to a temporary file that is renamed into place, as Tessera's POSIX driver does,
 * so a reader never sees a half-written tile.
 */
public final class DirectoryTileStore implements TileStore {
    public static final String CHECKPOINT = "checkpoint";

    private final Path root;

    public DirectoryTileStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public Optional<byte[]> read(TileId id) throws IOException {
        return readFile(root.resolve(id.path()));
    }

    @Override
    public void write(TileId id, byte[] data) throws IOException {
        writeAtomically(root.resolve(id.path()), data);
    }

    public Optional<byte[]> readCheckpoint() throws IOException {
        return readFile(root.resolve(CHECKPOINT));
    }

    public void writeCheckpoint(byte[] signedNote) throws IOException {
        writeAtomically(root.resolve(CHECKPOINT), signedNote);
    }

    private static Optional<byte[]> readFile(Path file) throws IOException {
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Writes {@code file} through a temporary file in the same directory and a rename. */
    public static void writeAtomically(Path file, byte[] data) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = Files.createTempFile(file.getParent(), ".tmp-", "");
        try {
            Files.write(temp, data);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
