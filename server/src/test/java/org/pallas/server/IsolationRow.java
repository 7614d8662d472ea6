package org.pallas.server;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pallas.server.TestCast.Who;

/**
 * One row of the tenant-isolation matrix: a request (method and the mapping's path pattern, with
 * variables bound to fixtures) and the status each caller must get. One line per row, e.g.
 *
 * <pre>{@code
 * row("GET /api/v1/organisations/{id}").with("id", "@orgB").expect("anon=401 B=200 A=404 cs=404 *=200")
 * }</pre>
 *
 * <p>Caller keys: anon, A (exporter A), B (exporter B), cw, adv, so, ov, aud, adm, cs (civil society);
 * {@code *} for everyone not named. Fixtures: {@code @orgA @orgB @userA @userB @tokenA} (a fresh token
 * of exporter A per request) {@code @random}; any other value is used literally. Bodies may contain
 * {@code {unique}}, replaced per request. Paths under {@code /api/} are called with the caller's bearer
 * token (so are {@code /actuator/} paths); other paths with a signed-in session and a CSRF token.
 * Bodies may name fixtures too ({@code "organisationId":"@orgB"}).
 */
public record IsolationRow(
        String method,
        String pattern,
        Map<String, String> variables,
        String body,
        String contentType,
        Map<Who, Integer> expected) {

    public static IsolationRow row(String methodAndPattern) {
        String[] parts = methodAndPattern.trim().split("\\s+", 2);
        return new IsolationRow(parts[0], parts[1], Map.of(), null, null, Map.of());
    }

    public IsolationRow with(String variable, String value) {
        Map<String, String> vars = new LinkedHashMap<>(variables);
        vars.put(variable, value);
        return new IsolationRow(method, pattern, vars, body, contentType, expected);
    }

    public IsolationRow json(String json) {
        return new IsolationRow(method, pattern, variables, json, "application/json", expected);
    }

    public IsolationRow body(String contentType, String text) {
        return new IsolationRow(method, pattern, variables, text, contentType, expected);
    }

    public IsolationRow form(String urlEncoded) {
        return new IsolationRow(method, pattern, variables, urlEncoded, "application/x-www-form-urlencoded", expected);
    }

    /** Expectations as {@code key=status} pairs separated by spaces; {@code *} covers the rest. */
    public IsolationRow expect(String spec) {
        Map<Who, Integer> map = new EnumMap<>(Who.class);
        Integer rest = null;
        for (String pair : spec.trim().split("\\s+")) {
            String[] kv = pair.split("=");
            if (kv.length != 2) {
                throw new IllegalArgumentException("Bad expectation '" + pair + "' in row " + this);
            }
            int status = Integer.parseInt(kv[1]);
            if (kv[0].equals("*")) {
                rest = status;
            } else {
                map.put(Who.ofKey(kv[0]), status);
            }
        }
        for (Who who : Who.values()) {
            if (!map.containsKey(who)) {
                if (rest == null) {
                    throw new IllegalArgumentException(
                            "Row " + method + " " + pattern + " has no expectation for " + who.key + " and no '*'");
                }
                map.put(who, rest);
            }
        }
        return new IsolationRow(method, pattern, variables, body, contentType, map);
    }

    /** Called with a bearer token (API and actuator) rather than a browser session. */
    public boolean bearer() {
        return pattern.startsWith("/api/") || pattern.startsWith("/actuator/");
    }

    @Override
    public String toString() {
        return method + " " + pattern + (variables.isEmpty() ? "" : " " + variables);
    }
}
