package org.pallas.server.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an exporter gives for a product (API body and form): name, own reference, summary and the
 * questionnaire answers (question id to option ids; incomplete answers are allowed until the product
 * is sent for classification).
 */
public record ProductInput(
        @NotBlank(message = "Enter the product's name")
        @Size(max = 200, message = "Name must be 200 characters or fewer")
        String name,

        @Size(max = 100, message = "Reference must be 100 characters or fewer")
        String reference,

        @Size(max = 2000, message = "Summary must be 2000 characters or fewer")
        String summary,

        @NotNull(message = "Give the questionnaire answers (may be empty)")
        Map<String, List<String>> answers) {

    /** Trimmed, blanks as null, answers in a copy that keeps their order. */
    ProductInput normalised() {
        return new ProductInput(
                name == null ? null : name.strip(),
                blankToNull(reference),
                blankToNull(summary),
                answers == null ? Map.of() : new LinkedHashMap<>(answers));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
