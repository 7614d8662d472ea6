package org.pallas.server.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The reviewed list of what the public entry of each event type may carry ({@code ledger/public-metadata.txt}):
 * exact types, and prefixes ending in {@code .*}; an exact line wins, then the longest prefix. A type the list
 * does not name publishes no metadata. Plain Java, no Spring.
 */
final class PublicMetadataList {

    static final String RESOURCE = "/ledger/public-metadata.txt";

    private final Map<String, Set<String>> exact;
    private final Map<String, Set<String>> prefixes;

    private PublicMetadataList(Map<String, Set<String>> exact, Map<String, Set<String>> prefixes) {
        this.exact = exact;
        this.prefixes = prefixes;
    }

    static PublicMetadataList shipped() {
        try (InputStream in = PublicMetadataList.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PublicMetadataList parse(String text) {
        Map<String, Set<String>> exact = new LinkedHashMap<>();
        Map<String, Set<String>> prefixes = new LinkedHashMap<>();
        int n = 0;
        for (String raw : text.split("\n", -1)) {
            n++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException("line " + n + " of " + RESOURCE + " is not 'type: keys'");
            }
            String type = line.substring(0, colon).strip();
            String keys = line.substring(colon + 1).strip();
            Set<String> allowed = keys.equals("-")
                    ? Set.of()
                    : Arrays.stream(keys.split(","))
                            .map(String::strip)
                            .filter(k -> !k.isEmpty())
                            .collect(Collectors.toUnmodifiableSet());
            Map<String, Set<String>> target = type.endsWith(".*") ? prefixes : exact;
            String key = type.endsWith(".*") ? type.substring(0, type.length() - 1) : type;
            if (target.put(key, allowed) != null) {
                throw new IllegalArgumentException("line " + n + " of " + RESOURCE + " lists " + type + " twice");
            }
        }
        return new PublicMetadataList(Map.copyOf(exact), Map.copyOf(prefixes));
    }

    /** The keys the public entry of {@code type} may carry; empty when the list does not name the type. */
    Set<String> allowed(String type) {
        Set<String> keys = exact.get(type);
        if (keys != null) {
            return keys;
        }
        String best = null;
        for (String prefix : prefixes.keySet()) {
            if (type.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? Set.of() : prefixes.get(best);
    }

    /** True when the list names the type, exactly or by a prefix. */
    boolean names(String type) {
        return exact.containsKey(type) || prefixes.keySet().stream().anyMatch(type::startsWith);
    }
}
