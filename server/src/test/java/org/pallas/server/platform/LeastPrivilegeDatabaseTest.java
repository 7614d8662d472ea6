package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jayway.jsonpath.JsonPath;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pallas.server.PallasProcess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

/**
 * Issue 13: Pallas runs on an application role that is no superuser and cannot change the schema, with Flyway
 * migrating as a separate schema-owning role: the production set-up of docs/security.md, its SQL taken from
 * that document. The database is an embedded cluster standing in for an external one; the application is the
 * packaged server in a child JVM configured as in production (spring.datasource.* for the application role,
 * spring.flyway.user/password for the migration role).
 */
class LeastPrivilegeDatabaseTest {

    private static final Path SECURITY = Path.of("../docs/security.md");
    private static final Duration START = Duration.ofSeconds(240);
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void pallasMigratesAsTheSchemaOwnerAndRunsAsAnApplicationRoleWithoutDdl(@TempDir Path data) throws Exception {
        int pgPort = PallasProcess.freePort();
        MockEnvironment env = new MockEnvironment()
                .withProperty("pallas.data-dir", data.resolve("db").toString())
                .withProperty("pallas.embedded-db.fresh", "true")
                .withProperty("pallas.embedded-db.durable", "false")
                .withProperty("pallas.embedded-db.port", Integer.toString(pgPort))
                .withProperty("pallas.embedded-db.pool-size", "1");
        String migratorPassword = secret();
        String appPassword = secret();
        try (HikariDataSource superuser = new EmbeddedDatabase().dataSource(env)) {
            String postgresPassword =
                    Files.readString(data.resolve("db/postgres.password")).strip();
            String[] script = documentedSetUp()
                    .replace("<secret 1>", migratorPassword)
                    .replace("<secret 2>", appPassword)
                    .split("(?m)^\\\\c pallas\\s*$");
            assertThat(script)
                    .as("the set-up connects to the new database half way")
                    .hasSize(2);
            try (Connection c = superuser.getConnection()) {
                run(c, script[0]);
            }
            String pallasDb = "jdbc:postgresql://localhost:" + pgPort + "/pallas";
            try (Connection c = DriverManager.getConnection(pallasDb, "postgres", postgresPassword)) {
                run(c, script[1]);
            }

            PallasProcess server = start(data, pallasDb, appPassword, migratorPassword);
            int port = server.port();
            try {
                server.awaitReady(START);
                HttpResponse<String> issued = post(
                        port,
                        "/api/v1/tokens",
                        null,
                        "{\"username\":\"admin\",\"password\":\"pallas-demo-2026\",\"name\":\"least privilege\"}");
                assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
                String token = JsonPath.read(issued.body(), "$.token");
                HttpResponse<String> created = post(
                        port,
                        "/api/v1/organisations",
                        token,
                        "{\"name\":\"Least Privilege Ltd\",\"kind\":\"EXPORTER\",\"country\":\"GB\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            } finally {
                server.stop();
            }

            try (Connection c = DriverManager.getConnection(pallasDb, "postgres", postgresPassword)) {
                JdbcClient db =
                        JdbcClient.create(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
                assertThat(db.sql("select distinct tableowner from pg_tables where schemaname = 'public'")
                                .query(String.class)
                                .list())
                        .as("every table belongs to the migration role")
                        .containsExactly("pallas_migrator");
                assertThat(db.sql("select distinct installed_by from flyway_schema_history")
                                .query(String.class)
                                .list())
                        .containsExactly("pallas_migrator");
                assertThat(db.sql("select count(*) from organisation where name = 'Least Privilege Ltd'")
                                .query(Long.class)
                                .single())
                        .as("the application role wrote the row")
                        .isEqualTo(1);
                assertThat(db.sql("select rolsuper or rolcreatedb or rolcreaterole from pg_roles"
                                        + " where rolname = 'pallas_app'")
                                .query(Boolean.class)
                                .single())
                        .isFalse();
            }
            try (Connection app = DriverManager.getConnection(pallasDb, "pallas_app", appPassword)) {
                for (String ddl : List.of(
                        "create table intruder (id int)",
                        "create temporary table intruder (id int)",
                        "alter table organisation add column intruder text",
                        "drop table organisation",
                        "truncate ledger_entry",
                        "alter table ledger_entry disable trigger all",
                        "create function intruder() returns int language sql as 'select 1'")) {
                    assertThatThrownBy(() -> {
                                try (Statement s = app.createStatement()) {
                                    s.execute(ddl);
                                }
                            })
                            .as(ddl)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e ->
                                    assertThat(e.getMessage()).containsAnyOf("permission denied", "must be owner"));
                }
                try (Statement s = app.createStatement()) {
                    assertThat(s.executeUpdate(
                                    "update organisation set name = name where name = 'Least Privilege Ltd'"))
                            .isEqualTo(1);
                }
            }
        }
    }

    /** The SQL block of docs/security.md's production set-up. */
    private static String documentedSetUp() throws IOException {
        Matcher m = Pattern.compile("(?s)## Production: least-privilege database roles.*?```sql\\n(.*?)```")
                .matcher(Files.readString(SECURITY, StandardCharsets.UTF_8));
        assertThat(m.find()).as("docs/security.md has the set-up's SQL").isTrue();
        return m.group(1);
    }

    private static void run(Connection c, String script) throws SQLException {
        String withoutComments = script.replaceAll("(?m)--.*$", "");
        for (String statement : Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList()) {
            try (Statement s = c.createStatement()) {
                s.execute(statement);
            }
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static PallasProcess start(Path data, String url, String appPassword, String migratorPassword)
            throws Exception {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--pallas.data-dir=" + data.resolve("app"),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=pallas_app",
                "--spring.datasource.password=" + appPassword,
                "--spring.flyway.user=pallas_migrator",
                "--spring.flyway.password=" + migratorPassword,
                "--pallas.demo.enabled=true",
                "--pallas.ledger.sequence-interval=PT0.5S"));
        arguments.addAll(PallasProcess.externalDatabaseKeys(data.resolve("keys")));
        return PallasProcess.start(data, arguments);
    }

    private HttpResponse<String> post(int port, String path, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
