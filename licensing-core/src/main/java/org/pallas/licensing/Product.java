package org.pallas.licensing;

import java.util.List;

/**
 * A product on an application: the exporter's catalogue id, a name, and its control entries (e.g. {@code 4D004},
 * {@code 5A001.j}) with whether they are confirmed. Validation happens in {@link ApplicationRules}.
 */
public record Product(String productId, String name, ClassificationStatus classification, List<String> controlEntries) {

    public Product {
        controlEntries = controlEntries == null ? List.of() : List.copyOf(controlEntries);
    }
}
