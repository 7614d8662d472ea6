package org.pallas.server.misuse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped catalogue of surveillance vendors (MISP galaxy, CC0; {@code catalogue/surveillance-vendors.json}): a
 * report's stated vendor or product is looked up by the vendors' names, synonyms and products, written any way
 * ("NSO", "Q-Cyber", "pegasus"), so triage sees which vendor a reporter means.
 */
@Component
class VendorCatalogue {

    /** A catalogue vendor: its name, other names and products. */
    record Vendor(String name, List<String> synonyms, List<String> products) {}

    private final List<Vendor> vendors;

    VendorCatalogue(JsonMapper json) {
        try (InputStream in = VendorCatalogue.class.getResourceAsStream("catalogue/surveillance-vendors.json")) {
            if (in == null) {
                throw new IllegalStateException("missing catalogue file surveillance-vendors.json");
            }
            List<Vendor> read = new ArrayList<>();
            for (JsonNode v : json.readTree(in).path("values")) {
                read.add(new Vendor(
                        v.path("name").asString(), strings(v.path("synonyms")), strings(v.path("products"))));
            }
            this.vendors = List.copyOf(read);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asString()));
        return List.copyOf(out);
    }

    int size() {
        return vendors.size();
    }

    /** The vendors whose name, synonym or product is the stated text (case, accents and spacing ignored). */
    List<Vendor> matching(String stated) {
        if (stated == null || stated.isBlank()) {
            return List.of();
        }
        String wanted = MisuseReports.compact(stated);
        if (wanted.length() < 3) {
            return List.of();
        }
        return vendors.stream()
                .filter(v -> MisuseReports.compact(v.name()).equals(wanted)
                        || v.synonyms().stream()
                                .anyMatch(s -> MisuseReports.compact(s).equals(wanted))
                        || v.products().stream()
                                .anyMatch(p -> MisuseReports.compact(p).equals(wanted)))
                .toList();
    }
}
