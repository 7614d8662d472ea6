package org.pallas.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.pallas.ledger.NoteFormatException;
import org.pallas.ledger.NoteSigner;

/**
 * Pallas as a child process for the tests that must kill, restart or run several servers (crash recovery, failover,
 * least-privilege database roles): a JVM on the test classpath on a free loopback port, its output in
 * {@code server-<port>.log} in its data directory.
 */
public record PallasProcess(Process process, int port, Path log) {

    /** Starts {@code org.pallas.server.Pallas} with the given arguments (the address and port are added). */
    public static PallasProcess start(Path data, List<String> arguments) throws IOException {
        int port = freePort();
        Files.createDirectories(data);
        Path log = data.resolve("server-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                "org.pallas.server.Pallas",
                "--server.address=127.0.0.1",
                "--server.port=" + port));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new PallasProcess(process, port, log);
    }

    /**
     * The key files a server on an external database needs (with the embedded one they are generated): the ledger's
     * signing and pseudonym keys and the key that wraps misuse-report keys, written into {@code dir}; returns the
     * arguments that name them.
     */
    public static List<String> externalDatabaseKeys(Path dir) throws IOException {
        Files.createDirectories(dir);
        try {
            Files.writeString(
                    dir.resolve("log.key"),
                    NoteSigner.generate("pallas.localhost/ledger", new SecureRandom())
                                    .encode() + "\n");
        } catch (NoteFormatException e) {
            throw new IllegalStateException(e);
        }
        for (String name : List.of("pseudonym.key", "misuse.key")) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.writeString(dir.resolve(name), Base64.getEncoder().encodeToString(key) + "\n");
        }
        return List.of(
                "--pallas.ledger.key-file=" + dir.resolve("log.key"),
                "--pallas.ledger.pseudonym-key-file=" + dir.resolve("pseudonym.key"),
                "--pallas.misuse.key-file=" + dir.resolve("misuse.key"));
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the readiness probe answers 200; fails with the end of the log if the server exits first. */
    public void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                List<String> lines = Files.readAllLines(log);
                throw new AssertionError("server exited with " + process.exitValue() + "; the end of its log:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server did not start within " + timeout + "; see " + log);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** GET of a path that must answer 200; its body. */
    public String get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }

    /** POST of a JSON body, with a bearer token unless it is null. */
    public HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: nothing of the JVM runs on. */
    public void kill() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A clean stop (SIGTERM), killed if it has not stopped within a minute. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
