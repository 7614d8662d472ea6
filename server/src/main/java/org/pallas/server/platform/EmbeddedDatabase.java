package org.pallas.server.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts an embedded PostgreSQL when no database URL is configured. Data lives on disk under
 * {@code pallas.data-dir} (default {@code ./data}), so a restart keeps every record. The server is locked
 * ({@link EmbeddedDatabaseLock}): a generated superuser password in {@code <data-dir>/postgres.password},
 * SCRAM-SHA-256 sign-in, loopback only, no Unix socket; its binaries are unpacked under
 * {@code <data-dir>/postgres-binaries} (owner-only), not in a shared temporary directory another local user
 * could prepare.
 *
 * <p>One server per data directory per JVM: several Spring contexts in one test JVM share it, and it
 * stops when the last of them closes. {@code pallas.embedded-db.fresh=true} (tests) wipes the directory first;
 * {@code pallas.embedded-db.durable=false} (tests) leaves fsync off for speed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, Running> RUNNING = new HashMap<>();

    /** True when this configuration is active, i.e. no external database URL is configured. */
    static boolean inUse(Environment env) {
        String url = env.getProperty("spring.datasource.url");
        return url == null || url.isBlank();
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment env) {
        Path root = Path.of(env.getProperty("pallas.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        Path dir = root.resolve("postgres");
        String password = EmbeddedDatabaseLock.password(root.resolve(EmbeddedDatabaseLock.PASSWORD_FILE));
        boolean fresh = env.getProperty("pallas.embedded-db.fresh", Boolean.class, false);
        boolean durable = env.getProperty("pallas.embedded-db.durable", Boolean.class, true);
        int port = env.getProperty("pallas.embedded-db.port", Integer.class, 0);
        EmbeddedPostgres postgres = acquire(root, password, fresh, durable, port);
        HikariDataSource pool = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                release(dir);
            }
        };
        pool.setJdbcUrl("jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres");
        pool.setUsername(EmbeddedDatabaseLock.SUPERUSER);
        pool.setPassword(password);
        pool.setPoolName("pallas-embedded");
        pool.setMaximumPoolSize(env.getProperty("pallas.embedded-db.pool-size", Integer.class, 10));
        return pool;
    }

    /** Starts the server for this directory, or shares the one already running in this JVM. */
    private static synchronized EmbeddedPostgres acquire(
            Path root, String password, boolean fresh, boolean durable, int port) {
        Path dir = root.resolve("postgres");
        Running running = RUNNING.get(dir);
        if (running == null) {
            running = new Running(start(root, password, fresh, durable, port));
            RUNNING.put(dir, running);
        }
        running.users++;
        return running.postgres;
    }

    /** Stops the server when the last context using it closes. */
    private static synchronized void release(Path dir) {
        Running running = RUNNING.get(dir);
        if (running != null && --running.users == 0) {
            RUNNING.remove(dir);
            try {
                running.postgres.close();
            } catch (IOException e) {
                log.warn("Embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }

    private static final class Running {
        final EmbeddedPostgres postgres;
        int users;

        Running(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }
    }

    private static EmbeddedPostgres start(Path root, String password, boolean fresh, boolean durable, int port) {
        Path dir = root.resolve("postgres");
        Path binaries = root.resolve("postgres-binaries");
        try {
            if (fresh) {
                deleteRecursively(dir);
            }
            Files.createDirectories(root);
            ownerOnlyDirectory(binaries);
            boolean existing = Files.exists(dir.resolve("postgresql.conf"));
            log.info("Starting embedded PostgreSQL with data in {}", dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (durable) {
                // zonky starts PostgreSQL with fsync off (fine for tests); real records need it on.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPgBinaryResolver(new BinariesIn(binaries))
                    .setOverrideWorkingDirectory(binaries.toFile())
                    // A new cluster: initdb sets the superuser's password from the file (zonky's own -A trust
                    // is overridden by the later --auth).
                    .setLocaleConfig("auth", "scram-sha-256")
                    .setLocaleConfig(
                            "pwfile",
                            root.resolve(EmbeddedDatabaseLock.PASSWORD_FILE).toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("unix_socket_directories", "''")
                    // zonky's readiness check signs in too.
                    .setConnectConfig("password", password)
                    // Before every start, after initdb: the host rules, and an older cluster's password.
                    .setDataDirectoryCustomizer(cluster -> {
                        if (existing) {
                            EmbeddedDatabaseLock.setPassword(binaries, cluster.toPath(), password);
                        }
                        EmbeddedDatabaseLock.writeHostRules(cluster.toPath());
                    })
                    // Stopped by the data source's close, after Spring has closed everything using it.
                    .setRegisterShutdownHook(false)
                    .start();
            // zonky makes its working directory writable by all; without search rights that opens nothing, but
            // put it back to owner-only.
            ownerOnlyDirectory(binaries);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL did not start (data directory " + dir + ")", e);
        }
    }

    private static void ownerOnlyDirectory(Path dir) throws IOException {
        var ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(ownerOnly));
        }
        Files.setPosixFilePermissions(dir, ownerOnly);
    }

    /**
     * zonky's bundled binaries, unpacked in {@code dir}: zonky caches the unpacked location per resolver, so one
     * resolver per directory keeps each data directory's binaries its own.
     */
    private record BinariesIn(Path dir) implements PgBinaryResolver {
        @Override
        public InputStream getPgBinary(String system, String machineHardware) throws IOException {
            return DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, machineHardware);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
