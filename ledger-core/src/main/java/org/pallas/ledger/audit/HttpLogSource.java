package org.pallas.ledger.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.pallas.ledger.TileId;

/**
 * A log served over HTTP with the C2SP tlog-tiles read API: {@code <base>/checkpoint} and
 * {@code <base>/tile/...}. 404 means "not there"; any other non-200 status is an error. Entry bundles may be
 * gzip-compressed at the HTTP layer.
 *
 * <p>A Pallas server serves its log under {@code /ledger}. When the base given has no checkpoint (404, or an
 * HTML page such as a sign-in form) but {@code <base>/ledger/checkpoint} is one, that is the log: the source
 * moves there and {@link #note()} says so. When neither is, {@link #location()} names both places tried.
 */
public final class HttpLogSource implements LogSource {
    private volatile URI base;
    private final URI given;
    private volatile String note = "";
    private final HttpClient client;
    private final Duration timeout;

    public HttpLogSource(URI base, HttpClient client, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.given = this.base;
        this.client = client;
        this.timeout = timeout;
    }

    public static HttpLogSource of(URI base) {
        return new HttpLogSource(
                base,
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(10))
                        .followRedirects(HttpClient.Redirect.NORMAL)
                        .build(),
                Duration.ofSeconds(30));
    }

    @Override
    public Optional<byte[]> checkpoint() throws IOException {
        Optional<byte[]> here = get("checkpoint").filter(HttpLogSource::notHtml);
        if (here.isPresent() || given.getPath().endsWith("/ledger/") || !base.equals(given)) {
            return here;
        }
        URI ledger = given.resolve("ledger/");
        Optional<byte[]> there = get(ledger.resolve("checkpoint")).filter(HttpLogSource::notHtml);
        if (there.isPresent()) {
            base = ledger;
            note = "no checkpoint at " + given + "checkpoint; using the Pallas log at " + ledger + " (give --url "
                    + ledger.toString().replaceFirst("/$", "") + ")";
            return there;
        }
        note = "nor at " + ledger + "; --url must name the log, which a Pallas server serves under "
                + "/ledger, e.g. --url https://pallas.example.org/ledger";
        return Optional.empty();
    }

    /** What the source did beyond the plain read API (the fallback to {@code /ledger}), or empty. */
    public String note() {
        return note;
    }

    private static boolean notHtml(byte[] body) {
        String start = new String(body, 0, Math.min(body.length, 64), java.nio.charset.StandardCharsets.UTF_8)
                .stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        return !start.startsWith("<");
    }

    @Override
    public Optional<byte[]> read(TileId id) throws IOException {
        return get(id.path());
    }

    @Override
    public String location() {
        return base.toString();
    }

    private Optional<byte[]> get(String path) throws IOException {
        return get(base.resolve(path));
    }

    private Optional<byte[]> get(URI uri) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept-Encoding", "gzip")
                .GET()
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + uri, e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
        }
        byte[] body = response.body();
        if (response.headers()
                .firstValue("Content-Encoding")
                .filter("gzip"::equalsIgnoreCase)
                .isPresent()) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return Optional.of(body);
    }
}
