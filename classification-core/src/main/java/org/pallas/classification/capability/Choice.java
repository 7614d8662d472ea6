package org.pallas.classification.capability;

import java.util.Locale;

/**
 * An answer option with a stable, JSON-friendly id (the lower-case constant name) and a plain-language
 * label for forms. Ids are part of the API: renaming a constant is a breaking change.
 */
public interface Choice {

    String name();

    String label();

    default String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
