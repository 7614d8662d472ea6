package org.pallas.server.platform;

import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the embedded PostgreSQL (issue 13): the superuser has a generated password kept in
 * {@code <data-dir>/postgres.password} (owner read and write only), every connection authenticates with
 * SCRAM-SHA-256, and the server listens on loopback only, without a Unix socket. {@code pg_hba.conf} is
 * written anew before every start, so a cluster created before this lock (which trusted every local
 * connection) is locked on its next start, its superuser given the password in single-user mode.
 */
final class EmbeddedDatabaseLock {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseLock.class);
    static final String PASSWORD_FILE = "postgres.password";
    static final String SUPERUSER = "postgres";
    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** The only lines of pg_hba.conf: password sign-in, from this machine, over TCP (there is no Unix socket). */
    static final String HBA = """
            # Written by Pallas before every start of its embedded PostgreSQL; edits here are overwritten.
            # Password (SCRAM-SHA-256) sign-in only, from this machine only; nothing else is accepted.
            # TYPE  DATABASE  USER  ADDRESS       METHOD
            host    all       all   127.0.0.1/32  scram-sha-256
            host    all       all   ::1/128       scram-sha-256
            """;

    private EmbeddedDatabaseLock() {}

    /**
     * The superuser's password from {@code file}, generated (256 bits, URL-safe Base64) on first use and
     * created owner-only; a file found with wider permissions is narrowed to owner-only.
     */
    static String password(Path file) {
        try {
            Files.createDirectories(file.getParent());
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                byte[] secret = new byte[32];
                new SecureRandom().nextBytes(secret);
                Files.writeString(
                        file,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n",
                        StandardCharsets.US_ASCII);
                log.info("Generated the embedded database password in {}", file);
            } catch (FileAlreadyExistsException e) {
                if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                    log.warn("{} was readable by others; narrowed to owner read and write", file);
                    Files.setPosixFilePermissions(file, OWNER_ONLY);
                }
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (!password.matches("[A-Za-z0-9_-]{20,}")) {
                throw new IllegalStateException(file + " does not hold a generated password (at least 20 letters, "
                        + "digits, '-' or '_'); delete it to have a new one generated");
            }
            return password;
        } catch (UnsupportedOperationException e) {
            throw new IllegalStateException(
                    "The embedded database needs a file system with POSIX permissions for " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    /** Replaces pg_hba.conf in the cluster's directory with {@link #HBA}. */
    static void writeHostRules(Path cluster) {
        try {
            Path hba = cluster.resolve("pg_hba.conf");
            Path next = cluster.resolve("pg_hba.conf.pallas");
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(next, HBA, StandardCharsets.US_ASCII);
            Files.move(next, hba, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf in " + cluster, e);
        }
    }

    /**
     * Sets the superuser's password in an existing, stopped cluster by running PostgreSQL in single-user mode
     * (no network, no socket), so that a cluster made before the lock needs no trusted connection to be locked.
     */
    static void setPassword(Path binaries, Path cluster, String password) {
        Path postgres = server(binaries);
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(
                postgres.toString(),
                "--single",
                "-D",
                cluster.toString(),
                "-c",
                "password_encryption=scram-sha-256",
                "-c",
                "listen_addresses=",
                "-c",
                "unix_socket_directories=",
                SUPERUSER));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var in = process.getOutputStream()) {
                in.write(("ALTER ROLE " + SUPERUSER + " WITH PASSWORD '" + password + "';\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("PostgreSQL in single-user mode did not finish setting the password");
            }
            if (process.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
                throw new IllegalStateException("Could not set the embedded database password (exit "
                        + process.exitValue() + "): " + output.replace(password, "********"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + postgres + " to set the embedded database password", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while setting the embedded database password", e);
        }
    }

    /** The {@code postgres} program zonky unpacked under {@code binaries} (the newest if there are several). */
    private static Path server(Path binaries) {
        try (Stream<Path> dirs = Files.list(binaries)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("PG-"))
                    .filter(d -> Files.exists(d.resolve(".exists")))
                    .max(Comparator.comparing(d -> d.resolve(".exists").toFile().lastModified()))
                    .map(d -> d.resolve("bin").resolve("postgres"))
                    .filter(Files::isExecutable)
                    .orElseThrow(() -> new IllegalStateException("No unpacked PostgreSQL under " + binaries));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + binaries, e);
        }
    }
}
