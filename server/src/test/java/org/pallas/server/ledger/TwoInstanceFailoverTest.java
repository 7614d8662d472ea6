package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pallas.ledger.Checkpoint;
import org.pallas.ledger.ConsistencyProof;
import org.pallas.ledger.NoteVerifier;
import org.pallas.ledger.audit.AuditState;
import org.pallas.ledger.audit.HttpLogSource;
import org.pallas.ledger.audit.LogVerifier;
import org.pallas.server.PallasProcess;

/**
 * Several instances on one PostgreSQL (issue 13): two Pallas processes share one real PostgreSQL server — the
 * Debian server that {@code .ci/run} starts (named by {@code PALLAS_FAILOVER_DB_URL}, {@code _USER},
 * {@code _PASSWORD}), or else one this test starts from the embedded binaries — as a role that is not a superuser.
 * A session signed in on one instance is valid on the other. Both take a write load through the API; one is
 * killed with SIGKILL mid-load. The other goes on sequencing (each batch is sequenced by whichever instance holds
 * the ledger's advisory lock, so there is no leader to elect again), every acknowledged write is in the database
 * with exactly one ledger entry, every entry is sequenced, the final checkpoint is consistent with one signed before
 * the kill, and an auditor's verification of the whole log finds nothing wrong. The failover time — from the kill
 * to the first checkpoint that covers every entry written before it — is printed (docs/benchmarks.md).
 */
class TwoInstanceFailoverTest {

    private static final Duration START = Duration.ofSeconds(240);
    private static final String ORIGIN = "pallas.localhost/ledger";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** Where the instances' database is, as the application role, and how to stop it afterwards. */
    private record Database(String url, String user, String password, EmbeddedPostgres own) {

        static Database forTest(Path dir) throws Exception {
            String url = System.getenv("PALLAS_FAILOVER_DB_URL");
            if (url != null && !url.isBlank()) {
                return new Database(
                        url,
                        System.getenv("PALLAS_FAILOVER_DB_USER"),
                        System.getenv("PALLAS_FAILOVER_DB_PASSWORD"),
                        null);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(true)
                    .setPort(PallasProcess.freePort())
                    .start();
            String password = UUID.randomUUID().toString();
            try (Connection db = postgres.getPostgresDatabase().getConnection();
                    Statement s = db.createStatement()) {
                // As in production (docs/security.md): the application's role owns its database but is no superuser.
                s.execute("create role pallas login nosuperuser nocreaterole nocreatedb password '" + password + "'");
                s.execute("create database pallas owner pallas");
            }
            return new Database(
                    "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/pallas", "pallas", password, postgres);
        }

        Connection connect() throws Exception {
            return DriverManager.getConnection(url, user, password);
        }

        void stop() throws IOException {
            if (own != null) {
                own.close();
            }
        }
    }

    @Test
    void theSecondInstanceGoesOnSequencingWhenTheFirstIsKilledAndNothingIsLost(@TempDir Path data) throws Exception {
        Database database = Database.forTest(data.resolve("postgres"));
        List<String> keys = PallasProcess.externalDatabaseKeys(data.resolve("keys"));
        PallasProcess first = instance(data.resolve("first"), database, keys);
        PallasProcess second = instance(data.resolve("second"), database, keys);
        try {
            first.awaitReady(START);
            second.awaitReady(START);
            NoteVerifier key = NoteVerifier.parse(first.get("/api/v1/ledger/verifier-key"));
            aSessionSignedInOnOneInstanceIsValidOnTheOther(first, second);

            HttpResponse<String> issued = first.post(
                    "/api/v1/tokens",
                    null,
                    "{\"username\":\"admin\",\"password\":\"pallas-demo-2026\",\"name\":\"failover\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            String token = JsonPath.read(issued.body(), "$.token");

            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger onSecondAfterKill = new AtomicInteger();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicBoolean firstAlive = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                int thread = t;
                load.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        boolean toFirst = (n + thread) % 2 == 0 && firstAlive.get();
                        String name = "Failover Org " + UUID.randomUUID();
                        try {
                            HttpResponse<String> r = (toFirst ? first : second)
                                    .post(
                                            "/api/v1/organisations",
                                            token,
                                            "{\"name\":\"" + name + "\",\"kind\":\"EXPORTER\",\"country\":\"GB\"}");
                            if (r.statusCode() == 201) {
                                acknowledged.add(JsonPath.read(r.body(), "$.id"));
                                if (!toFirst && !firstAlive.get()) {
                                    onSecondAfterKill.incrementAndGet();
                                }
                            }
                        } catch (IOException e) {
                            // the killed instance's connections fail; the write was not acknowledged
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plusSeconds(60);
            while (acknowledged.size() < 120 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            String beforeKill = first.get("/ledger/checkpoint");

            firstAlive.set(false);
            first.kill();
            Instant killed = Instant.now();
            // The checkpoint first: read after the count, it could already cover entries written since.
            long sequencedAtKill = checkpoint(second, key).size();
            long entriesAtKill = count(database, "select count(*) from ledger_entry");
            Duration failover = null;
            Instant deadline = killed.plusSeconds(60);
            while (failover == null && Instant.now().isBefore(deadline)) {
                Checkpoint now = checkpoint(second, key);
                if (now.size() >= entriesAtKill) {
                    failover = Duration.between(killed, Instant.now());
                } else {
                    Thread.sleep(20);
                }
            }
            assertThat(failover)
                    .as("the second instance sequenced every entry written before the kill")
                    .isNotNull();
            System.out.printf(
                    "Failover: %d ms from SIGKILL to a checkpoint covering the %d entries written before it "
                            + "(%d of them not yet sequenced at the kill)%n",
                    failover.toMillis(), entriesAtKill, entriesAtKill - sequencedAtKill);
            Thread.sleep(2000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(onSecondAfterKill.get())
                    .as("writes acknowledged by the second instance after the kill")
                    .isGreaterThan(0);

            long entries = count(database, "select count(*) from ledger_entry");
            Checkpoint last = null;
            for (Instant end = Instant.now().plusSeconds(60); Instant.now().isBefore(end); Thread.sleep(100)) {
                last = checkpoint(second, key);
                if (last.size() == entries) {
                    break;
                }
            }
            assertThat(last.size()).as("every entry is sequenced").isEqualTo(entries);

            try (Connection db = database.connect()) {
                assertThat(strings(db, "select id::text from organisation where name like 'Failover Org %'"))
                        .containsAll(acknowledged);
                assertThat(strings(db, """
                        select o.id::text from organisation o where o.name like 'Failover Org %'
                        and (select count(*) from ledger_entry e where e.subject_type = 'organisation'
                             and e.subject_id = o.id::text) <> 1"""))
                        .as("organisations without exactly one entry")
                        .isEmpty();
                assertThat(strings(db, """
                        select e.subject_id from ledger_entry e where e.type = 'identity.organisation.created'
                        and not exists (select 1 from organisation o where o.id::text = e.subject_id)"""))
                        .as("entries without their organisation")
                        .isEmpty();
            }

            Checkpoint old = Checkpoint.open(beforeKill.getBytes(StandardCharsets.UTF_8), List.of(key));
            if (last.size() > old.size()) {
                List<String> hashes = JsonPath.read(
                        second.get("/api/v1/ledger/proofs/consistency?from=" + old.size() + "&to=" + last.size()),
                        "$.hashes");
                new ConsistencyProof(
                                old.size(),
                                last.size(),
                                hashes.stream().map(Base64.getDecoder()::decode).toList())
                        .verify(old.rootHash(), last.rootHash());
            }
            var audit = new LogVerifier(
                            HttpLogSource.of(URI.create(second.base() + "/ledger")),
                            List.of(key),
                            new AuditState(data.resolve("audit")))
                    .verify();
            assertThat(audit.problems()).isEmpty();
        } finally {
            first.kill();
            second.stop();
            database.stop();
        }
    }

    /** Sessions live in PostgreSQL: the cookie of a sign-in on the first instance opens pages on the second. */
    private void aSessionSignedInOnOneInstanceIsValidOnTheOther(PallasProcess first, PallasProcess second)
            throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String login = browser.send(
                        HttpRequest.newBuilder(URI.create(first.base() + "/login"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).as("the sign-in form has a CSRF token").isTrue();
        String form = "username=caseworker&password=pallas-demo-2026&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(URI.create(first.base() + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        // Cookies are kept per host, not per port: the same cookie goes to the second instance.
        HttpResponse<String> onSecond = browser.send(
                HttpRequest.newBuilder(URI.create(second.base() + "/cases")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onSecond.statusCode())
                .as("the case queue on the second instance")
                .isEqualTo(200);
    }

    private Checkpoint checkpoint(PallasProcess instance, NoteVerifier key) throws Exception {
        return Checkpoint.open(instance.get("/ledger/checkpoint").getBytes(StandardCharsets.UTF_8), List.of(key));
    }

    private static long count(Database database, String sql) throws Exception {
        try (Connection db = database.connect()) {
            return Long.parseLong(strings(db, sql).get(0));
        }
    }

    private static List<String> strings(Connection db, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** One Pallas process on the shared database, with demo data (seeded once, whichever instance comes first). */
    private static PallasProcess instance(Path data, Database database, List<String> keys) throws IOException {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--pallas.data-dir=" + data,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--pallas.demo.enabled=true",
                "--pallas.ledger.sequence-interval=PT0.1S"));
        arguments.addAll(keys);
        return PallasProcess.start(data, arguments);
    }
}
