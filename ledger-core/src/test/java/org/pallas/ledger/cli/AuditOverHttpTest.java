package org.pallas.ledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pallas.ledger.MerkleHash;

/**
 * The auditor command against a tiny tlog-tiles HTTP server on 127.0.0.1 that serves a log directory under
 * {@code /ledger}, gzip-compressing entry bundles as production servers do.
 */
class AuditOverHttpTest {
    @TempDir
    Path temp;

    HttpServer server;
    TestLog log;
    String base;
    final List<String> requested = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveALog() throws Exception {
        log = new TestLog(temp.resolve("log"), 11).append(200).append(100);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/ledger/", this::serve);
        server.createContext("/", this::signInPage);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/ledger";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    /** Like the Pallas server, every other path answers with an HTML page (sign-in), not a 404. */
    private void signInPage(HttpExchange exchange) throws IOException {
        requested.add(exchange.getRequestURI().getPath());
        byte[] body = "<!DOCTYPE html><html lang=\"en\"><title>Sign in</title></html>".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/ledger/".length());
        requested.add(path);
        Path file = log.store.root().resolve(path).normalize();
        if (!file.startsWith(log.store.root()) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        byte[] body = Files.readAllBytes(file);
        if (path.startsWith("tile/entries/")) {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
                out.write(body);
            }
            body = gz.toByteArray();
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void verifiesALogServedOverHttp() {
        AuditCommandTest.Result r = AuditCommandTest.audit(
                "verify",
                "--url",
                base,
                "--key",
                log.vkey(),
                "--state",
                temp.resolve("state").toString());

        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out())
                .contains("ok   300 entries give the checkpoint root; 3 hash tile(s) checked against them\n")
                .endsWith("VERIFIED\n");
        assertThat(requested)
                .contains(
                        "checkpoint",
                        "tile/entries/000",
                        "tile/entries/001.p/44",
                        "tile/0/000",
                        "tile/0/001.p/44",
                        "tile/1/000.p/1");
    }

    @Test
    void reportsAnEntryAlteredOnTheServer() throws Exception {
        Path bundle = log.store.root().resolve("tile/entries/001.p/44");
        String text = new String(Files.readAllBytes(bundle), StandardCharsets.ISO_8859_1);
        Files.write(bundle, text.replace("APP-2026-1260", "APP-2026-1261").getBytes(StandardCharsets.ISO_8859_1));
        byte[] altered = new String(log.records.get(260).entry().encode(), StandardCharsets.UTF_8)
                .replace("APP-2026-1260", "APP-2026-1261")
                .getBytes(StandardCharsets.UTF_8);

        AuditCommandTest.Result r = AuditCommandTest.audit(
                "verify",
                "--url",
                base,
                "--key",
                log.vkey(),
                "--state",
                temp.resolve("state").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .contains("FAIL tile/0/001.p/44: hash 4 (entry 260) is " + MerkleHash.hex(log.tree.hash(0, 260))
                        + ", but the entries give " + MerkleHash.hex(MerkleHash.leaf(altered)) + "\n");
    }

    @Test
    void provesARecordOverHttp() throws Exception {
        Path record = temp.resolve("record.json");
        Files.write(record, log.records.get(123).encode());

        AuditCommandTest.Result r = AuditCommandTest.audit(
                "prove", "--url", base + "/", "--key", log.vkey(), "--record", record.toString());

        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out())
                .contains("ok   record is entry 123 (leaf hash " + MerkleHash.hex(log.tree.hash(0, 123)) + ")");
    }

    @Test
    void reportsAServerWithoutACheckpoint() {
        AuditCommandTest.Result r = AuditCommandTest.audit(
                "verify",
                "--url",
                base + "/nothing",
                "--key",
                log.vkey(),
                "--state",
                temp.resolve("state").toString());

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .isEqualTo("FAIL checkpoint: not found at " + base + "/nothing/ nor at " + base
                        + "/nothing/ledger/; --url must name the log, which a Pallas server serves under /ledger, "
                        + "e.g. --url https://pallas.example.org/ledger\nNOT VERIFIED: 1 problem(s)\n");
    }

    @Test
    void acceptsTheServersBaseUrlAndSaysWhereTheLogIs() {
        String server = base.substring(0, base.length() - "/ledger".length());
        AuditCommandTest.Result r = AuditCommandTest.audit(
                "verify",
                "--url",
                server,
                "--key",
                log.vkey(),
                "--state",
                temp.resolve("state").toString());

        assertThat(r.status()).isEqualTo(0);
        assertThat(r.out())
                .contains("no checkpoint at " + server + "/checkpoint; using the Pallas log at " + base
                        + "/ (give --url " + base + ")")
                .endsWith("VERIFIED\n");
        assertThat(requested).contains("/checkpoint", "checkpoint", "tile/0/000");
    }
}
