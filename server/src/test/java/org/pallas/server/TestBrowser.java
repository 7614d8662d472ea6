package org.pallas.server;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A minimal browser over real HTTP against the running test server: keeps cookies (the session lives
 * in PostgreSQL) and sends the CSRF token of the last page with each form, like a real form would.
 */
public final class TestBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http =
            HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    private final String base;
    private String csrf;

    public TestBrowser(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), BodyHandlers.ofString());
        Matcher m = CSRF.matcher(response.body());
        if (m.find()) {
            csrf = m.group(1);
        }
        return response;
    }

    /** Posts a form with the CSRF token of the last page fetched (none if {@code withCsrf} is false). */
    public HttpResponse<String> post(String path, Map<String, String> fields, boolean withCsrf)
            throws IOException, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (withCsrf && csrf != null) {
            all.put("_csrf", csrf);
        }
        String form = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(BodyPublishers.ofString(form))
                        .build(),
                BodyHandlers.ofString());
    }

    /** Opens the login page, signs in and returns the response to the form post (302 on success and failure). */
    public HttpResponse<String> signIn(String username, String password) throws IOException, InterruptedException {
        get("/login");
        return post("/login", Map.of("username", username, "password", password), true);
    }

    /** Where a redirect points, relative to the server. */
    public static String location(HttpResponse<?> response) {
        return response.headers()
                .firstValue("Location")
                .map(l -> l.replaceFirst("^https?://[^/]+", ""))
                .orElse(null);
    }
}
