package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 13: the embedded PostgreSQL trusts nobody. Only the generated password, kept owner-only in the data
 * directory, opens it; a cluster created before the lock (trusting every local connection) is locked on its
 * next start.
 */
class EmbeddedDatabaseLockdownTests {

    @TempDir
    Path data;

    private MockEnvironment env(boolean fresh) {
        return new MockEnvironment()
                .withProperty("pallas.data-dir", data.toString())
                .withProperty("pallas.embedded-db.fresh", Boolean.toString(fresh))
                .withProperty("pallas.embedded-db.durable", "false")
                .withProperty("pallas.embedded-db.pool-size", "1");
    }

    @Test
    void onlyTheGeneratedPasswordOpensTheDatabaseAndItIsReadableByTheOwnerOnly() throws Exception {
        try (HikariDataSource pool = new EmbeddedDatabase().dataSource(env(true))) {
            String url = pool.getJdbcUrl();
            Path passwordFile = data.resolve("postgres.password");
            String password =
                    Files.readString(passwordFile, StandardCharsets.US_ASCII).strip();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(password).hasSizeGreaterThanOrEqualTo(40);
            assertRefused(url, "");
            assertRefused(url, "postgres");
            assertRefused(url, password + "x");
            try (Connection c = DriverManager.getConnection(url, "postgres", password)) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertLocked(pool);
        }
    }

    @Test
    void aClusterThatTrustedLocalConnectionsIsLockedOnItsNextStartAndKeepsItsData() throws Exception {
        // A cluster as Pallas made it before the lock: zonky's defaults, trust for every local connection.
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(data.resolve("postgres"))
                .setCleanDataDirectory(false)
                .start()) {
            try (Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"), "postgres", "")) {
                c.createStatement().execute("create table kept (note text); insert into kept values ('from before')");
            }
        }
        assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).contains("trust");
        assertThat(Files.exists(data.resolve("postgres.password"))).isFalse();

        try (HikariDataSource pool = new EmbeddedDatabase().dataSource(env(false))) {
            assertRefused(pool.getJdbcUrl(), "");
            assertThat(JdbcClient.create(pool)
                            .sql("select note from kept")
                            .query(String.class)
                            .single())
                    .isEqualTo("from before");
            assertLocked(pool);
        }
    }

    @Test
    void aPasswordFileOthersCouldReadIsNarrowedToTheOwner() throws Exception {
        Path file = data.resolve("postgres.password");
        Files.writeString(file, "A".repeat(43) + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(EmbeddedDatabaseLock.password(file)).isEqualTo("A".repeat(43));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    /** pg_hba.conf has password rules only, and the server listens on loopback without a Unix socket. */
    private void assertLocked(HikariDataSource pool) throws Exception {
        List<String> rules = Files.readAllLines(data.resolve("postgres/pg_hba.conf")).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(rules)
                .isNotEmpty()
                .allSatisfy(rule -> assertThat(rule.toLowerCase(Locale.ROOT))
                        .startsWith("host ")
                        .endsWith("scram-sha-256")
                        .doesNotContain("trust"));
        JdbcClient jdbc = JdbcClient.create(pool);
        assertThat(jdbc.sql("select auth_method from pg_hba_file_rules")
                        .query(String.class)
                        .list())
                .isNotEmpty()
                .containsOnly("scram-sha-256");
        assertThat(jdbc.sql("show listen_addresses").query(String.class).single())
                .isEqualTo("localhost");
        assertThat(jdbc.sql("show unix_socket_directories").query(String.class).single())
                .isEmpty();
        assertThat(jdbc.sql("select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("postgres-binaries"))))
                .isEqualTo("rwx------");
    }

    private static void assertRefused(String url, String password) {
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", password).close())
                .isInstanceOf(SQLException.class);
    }
}
