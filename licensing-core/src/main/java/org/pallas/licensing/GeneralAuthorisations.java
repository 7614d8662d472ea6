package org.pallas.licensing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The catalogue of published general-authorisation terms, loaded from reviewed YAML. */
public final class GeneralAuthorisations {

    /** The demonstration terms shipped with Pallas (see {@code general-authorisations.yaml} for their basis). */
    public static final String SHIPPED_RESOURCE = "general-authorisations.yaml";

    private final Map<String, GeneralAuthorisationTerms> byId;

    public GeneralAuthorisations(Collection<GeneralAuthorisationTerms> terms) {
        Map<String, GeneralAuthorisationTerms> map = new LinkedHashMap<>();
        for (GeneralAuthorisationTerms t : terms) {
            if (map.put(t.id(), t) != null) {
                throw new IllegalArgumentException("general authorisation " + t.id() + " is defined twice");
            }
        }
        this.byId = Map.copyOf(map);
    }

    public static GeneralAuthorisations shipped() {
        try (InputStream in = GeneralAuthorisations.class.getResourceAsStream(SHIPPED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SHIPPED_RESOURCE + " is missing from the classpath");
            }
            return load(new InputStreamReader(in, StandardCharsets.UTF_8), SHIPPED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a YAML list of terms; errors name the source, the entry and the field. */
    public static GeneralAuthorisations load(Reader yaml, String source) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(root instanceof List<?> entries)) {
            throw new IllegalArgumentException(source + ": expected a list of general authorisations");
        }
        List<GeneralAuthorisationTerms> terms = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String where = source + " entry " + (i + 1);
            if (!(entries.get(i) instanceof Map<?, ?> entry)) {
                throw new IllegalArgumentException(where + ": expected a mapping");
            }
            String id = text(entry, "id", where);
            where = where + " (" + id + ")";
            terms.add(new GeneralAuthorisationTerms(
                    id,
                    text(entry, "title", where),
                    strings(entry, "basis", where),
                    Boolean.TRUE.equals(entry.get("unverified")),
                    new TreeSet<>(strings(entry, "controlEntries", where)),
                    countries(entry, where),
                    enums(entry, "endUserTypes", where, EndUserType.class),
                    enums(entry, "requiredSafeguards", where, Safeguard.class)));
        }
        return new GeneralAuthorisations(terms);
    }

    public Optional<GeneralAuthorisationTerms> find(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Collection<GeneralAuthorisationTerms> all() {
        return byId.values();
    }

    private static String text(Map<?, ?> entry, String key, String where) {
        if (!(entry.get(key) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be a non-empty text");
        }
        return value;
    }

    private static List<String> strings(Map<?, ?> entry, String key, String where) {
        if (!(entry.get(key) instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException(where + ": field '" + key + "' must be a non-empty list");
        }
        List<String> values = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof String s) || s.isBlank()) {
                throw new IllegalArgumentException(where + ": field '" + key + "' holds a non-text value " + o
                        + (o instanceof Boolean ? " (quote codes such as \"NO\": YAML reads a bare NO as false)" : ""));
            }
            values.add(s);
        }
        return values;
    }

    private static Set<String> countries(Map<?, ?> entry, String where) {
        Set<String> codes = new TreeSet<>();
        for (String code : strings(entry, "destinations", where)) {
            if (!Countries.isAlpha2(code)) {
                throw new IllegalArgumentException(
                        where + ": '" + code + "' in 'destinations' is not an ISO 3166-1 alpha-2 code");
            }
            codes.add(code);
        }
        return codes;
    }

    private static <E extends Enum<E>> Set<E> enums(Map<?, ?> entry, String key, String where, Class<E> type) {
        Set<E> values = EnumSet.noneOf(type);
        for (String name : strings(entry, key, where)) {
            try {
                values.add(Enum.valueOf(type, name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        where + ": '" + name + "' in '" + key + "' is not one of " + EnumSet.allOf(type));
            }
        }
        return values;
    }
}
