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
 */
public final class HttpLogSource implements LogSource {
    private final URI base;
    private final HttpClient client;
    private final Duration timeout;

    public HttpLogSource(URI base, HttpClient client, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.client = client;
        this.timeout = timeout;
    }

    public static HttpLogSource of(URI base) {
        return new HttpLogSource(base, HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build(), Duration.ofSeconds(30));
    }

    @Override
    public Optional<byte[]> checkpoint() throws IOException {
        return get("checkpoint");
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
        URI uri = base.resolve(path);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept-Encoding", "gzip").GET().build();
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
        if (response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent()) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                body = in.readAllBytes();
            }
        }
        return Optional.of(body);
    }
}
