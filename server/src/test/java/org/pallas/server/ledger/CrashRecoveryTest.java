package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Crash test: the packaged application runs as a child process with its own data directory, takes a write
 * load through the API (administrators creating organisations), and is killed with SIGKILL mid-load; its
 * PostgreSQL is stopped the way a power cut would (immediate shutdown, recovery on restart). After a restart
 * on the same data: every organisation that exists has exactly one ledger entry and every entry its
 * organisation, every acknowledged creation survived, and the new checkpoint is consistent with the last
 * one signed before the crash.
 */
class CrashRecoveryTest {

    private static final Duration START = Duration.ofSeconds(150);

    @Test
    void theDatabaseAndTheLogAgreeAfterTheServerIsKilledMidLoad(@TempDir Path data) throws Exception {
        int pgPort = PallasProcess.freePort();
        PallasProcess first = server(data, pgPort);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        String beforeCrash;
        NoteVerifier key;
        try {
            first.awaitReady(START);
            key = NoteVerifier.parse(first.get("/api/v1/ledger/verifier-key"));
            HttpResponse<String> issued = first.post(
                    "/api/v1/tokens",
                    null,
                    "{\"username\":\"admin\",\"password\":\"pallas-demo-2026\",\"name\":\"crash\"}");
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            String token = JsonPath.read(issued.body(), "$.token");
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(4);
            for (int t = 0; t < 4; t++) {
                load.submit(() -> {
                    while (running.get()) {
                        String name = "Crash Org " + UUID.randomUUID();
                        try {
                            HttpResponse<String> r = first.post(
                                    "/api/v1/organisations",
                                    token,
                                    "{\"name\":\"" + name + "\",\"kind\":\"EXPORTER\",\"country\":\"GB\"}");
                            if (r.statusCode() == 201) {
                                acknowledged.add(JsonPath.read(r.body(), "$.id"));
                            }
                        } catch (IOException | InterruptedException e) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            Instant until = Instant.now().plusSeconds(20);
            while (acknowledged.size() < 100 && Instant.now().isBefore(until)) {
                Thread.sleep(50);
            }
            beforeCrash = first.get("/ledger/checkpoint");
            Thread.sleep(300);
            crash(first, data);
            running.set(false);
            load.shutdown();
            load.awaitTermination(30, TimeUnit.SECONDS);
        } finally {
            crash(first, data);
        }
        assertThat(acknowledged).as("organisations created before the crash").hasSizeGreaterThan(10);
        Checkpoint old = Checkpoint.open(beforeCrash.getBytes(StandardCharsets.UTF_8), List.of(key));

        PallasProcess second = server(data, pgPort);
        try {
            second.awaitReady(START);
            // The embedded database admits only its generated password (issue 13).
            String password =
                    Files.readString(data.resolve("postgres.password")).strip();
            try (Connection db = DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres", "postgres", password)) {
                List<String> organisations =
                        strings(db, "select id::text from organisation where name like 'Crash Org %'");
                assertThat(organisations).containsAll(acknowledged);
                assertThat(strings(db, """
                        select o.id::text from organisation o where o.name like 'Crash Org %'
                        and (select count(*) from ledger_entry e where e.subject_type = 'organisation' and e.subject_id = o.id::text) <> 1"""))
                        .as("organisations without exactly one entry")
                        .isEmpty();
                assertThat(strings(db, """
                        select e.subject_id from ledger_entry e where e.type = 'identity.organisation.created'
                        and not exists (select 1 from organisation o where o.id::text = e.subject_id)"""))
                        .as("entries without their organisation")
                        .isEmpty();
                long entries = strings(db, "select count(*) from ledger_entry").stream()
                        .mapToLong(Long::parseLong)
                        .sum();

                Checkpoint now = Checkpoint.open(
                        second.get("/ledger/checkpoint").getBytes(StandardCharsets.UTF_8), List.of(key));
                assertThat(now.size()).as("every entry is sequenced at start").isEqualTo(entries);
                assertThat(now.size()).isGreaterThanOrEqualTo(old.size());
                if (now.size() > old.size()) {
                    List<String> hashes = JsonPath.read(
                            second.get("/api/v1/ledger/proofs/consistency?from=" + old.size() + "&to=" + now.size()),
                            "$.hashes");
                    new ConsistencyProof(
                                    old.size(),
                                    now.size(),
                                    hashes.stream()
                                            .map(Base64.getDecoder()::decode)
                                            .toList())
                            .verify(old.rootHash(), now.rootHash());
                }
                var audit = new LogVerifier(
                                HttpLogSource.of(URI.create(second.base() + "/ledger")),
                                List.of(key),
                                new AuditState(data.resolve("audit")))
                        .verify();
                assertThat(audit.problems()).isEmpty();
            }
        } finally {
            second.stop();
            crash(second, data);
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

    /** The application on its embedded database in {@code data}, durable as in production. */
    private static PallasProcess server(Path data, int pgPort) throws IOException {
        return PallasProcess.start(
                data,
                List.of(
                        "--pallas.data-dir=" + data,
                        "--pallas.embedded-db.fresh=false",
                        "--pallas.embedded-db.port=" + pgPort,
                        // As in production: the test config turns fsync and synchronous commit off for speed.
                        "--pallas.embedded-db.durable=true",
                        "--pallas.ledger.sequence-interval=PT0.1S"));
    }

    /** SIGKILL the JVM, then stop its PostgreSQL as a power cut would: immediate shutdown, WAL recovery on start. */
    private static void crash(PallasProcess server, Path data) throws Exception {
        server.kill();
        Path pid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            long postmaster = Long.parseLong(Files.readAllLines(pid).get(0).strip());
            ProcessHandle.of(postmaster).ifPresent(h -> {
                try {
                    new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster))
                            .start()
                            .waitFor();
                    h.onExit().get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException("PostgreSQL " + postmaster + " did not stop", e);
                }
            });
        }
    }
}
