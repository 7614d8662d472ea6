package org.pallas.screening;

import java.util.Objects;

/**
 * One name of a list entry as published.
 *
 * @param value   the name exactly as the list writes it
 * @param quality strong (fuzzy matching allowed) or weak (exact only)
 * @param script  the dominant Unicode script of the name, e.g. "Latin", "Arabic", "Cyrillic"
 * @param former  whether the list marks it as a former name (f.k.a.)
 */
public record ListedName(String value, NameQuality quality, String script, boolean former) {
    public ListedName {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(quality, "quality");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a listed name must not be blank");
        }
        script = script == null ? Scripts.dominant(value) : script;
    }

    public static ListedName strong(String value) {
        return new ListedName(value.strip(), NameQuality.STRONG, null, false);
    }

    public static ListedName weak(String value) {
        return new ListedName(value.strip(), NameQuality.WEAK, null, false);
    }

    public static ListedName former(String value) {
        return new ListedName(value.strip(), NameQuality.STRONG, null, true);
    }
}
