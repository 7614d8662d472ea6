package org.pallas.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The curated misuse records ({@code misuse-cases.yaml}) and the matching of an application against them: the
 * product's vendor or family, and each end user's country and type against the attributed operator.
 */
public final class MisuseEvidence {

    private final List<MisuseCase> cases;
    // Normalised vendor and family names per case, computed once: matching runs on every assessment.
    private final List<String> vendors;
    private final List<Set<String>> families;

    MisuseEvidence(List<MisuseCase> cases) {
        this.cases = List.copyOf(cases);
        this.vendors = cases.stream().map(c -> normal(c.vendor())).toList();
        this.families = cases.stream()
                .map(c -> Set.copyOf(
                        c.families().stream().map(MisuseEvidence::normal).toList()))
                .toList();
    }

    public static MisuseEvidence shipped() {
        try (InputStream in = MisuseEvidence.class.getResourceAsStream("misuse-cases.yaml")) {
            if (in == null) {
                throw new IllegalStateException("missing resource misuse-cases.yaml");
            }
            return parse(new Yaml(new SafeConstructor(new LoaderOptions())).load(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<MisuseCase> cases() {
        return cases;
    }

    @SuppressWarnings("unchecked")
    private static MisuseEvidence parse(Object document) {
        if (!(document instanceof Map<?, ?> root) || !(root.get("cases") instanceof List<?> list)) {
            throw new IllegalArgumentException("misuse-cases.yaml: expected a top-level 'cases' list");
        }
        List<MisuseCase> cases = new ArrayList<>();
        for (Object item : list) {
            Map<String, Object> c = (Map<String, Object>) item;
            String id = String.valueOf(c.get("id"));
            try {
                Set<Party.EndUserType> types = EnumSet.noneOf(Party.EndUserType.class);
                for (Object type : (List<Object>) c.get("endUserTypes")) {
                    types.add(Party.EndUserType.valueOf(type.toString()));
                }
                cases.add(new MisuseCase(
                        id,
                        required(c, "years"),
                        required(c, "vendor"),
                        strings(c, "families"),
                        new LinkedHashSet<>(strings(c, "operatorCountries")),
                        types,
                        strings(c, "victims"),
                        MisuseMatch.Confidence.valueOf(required(c, "confidence")),
                        required(c, "summary"),
                        strings(c, "sources")));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("misuse-cases.yaml, case " + id + ": " + e.getMessage(), e);
            }
        }
        return new MisuseEvidence(cases);
    }

    private static String required(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing '" + key + "'");
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + key + "' must be a list");
        }
        return ((List<Object>) list).stream().map(Object::toString).toList();
    }

    /** The curated records matching this application, in case order, followed by the caller's own matches. */
    public List<MisuseMatch> match(Application application) {
        List<MisuseMatch> matches = new ArrayList<>();
        Product product = application.product();
        String vendor = product.vendor() == null ? null : normal(product.vendor());
        String family = product.family() == null ? null : normal(product.family());
        for (int i = 0; i < cases.size(); i++) {
            MisuseCase c = cases.get(i);
            Set<MisuseMatch.Basis> productBasis = EnumSet.noneOf(MisuseMatch.Basis.class);
            if (vendors.get(i).equals(vendor)) {
                productBasis.add(MisuseMatch.Basis.VENDOR);
            }
            if (family != null && families.get(i).contains(family)) {
                productBasis.add(MisuseMatch.Basis.PRODUCT_FAMILY);
            }
            if (!productBasis.isEmpty()) {
                matches.add(new MisuseMatch(
                        c.id(), null, productBasis, c.confidence(), c.sources().get(0)));
            }
            for (Party party : application.parties()) {
                if (!(party.role() == Party.PartyRole.END_USER || party.role() == Party.PartyRole.ULTIMATE_END_USER)
                        || !c.operatorCountries().contains(party.country())) {
                    continue;
                }
                Set<MisuseMatch.Basis> basis = EnumSet.of(MisuseMatch.Basis.OPERATOR_COUNTRY);
                if (party.endUserType() != null && c.endUserTypes().contains(party.endUserType())) {
                    basis.add(MisuseMatch.Basis.END_USER_TYPE);
                }
                matches.add(new MisuseMatch(
                        c.id(), party.name(), basis, c.confidence(), c.sources().get(0)));
            }
        }
        matches.addAll(application.misuseMatches());
        return matches;
    }

    /** Vendor and family names compare without case, spaces or punctuation ("NSO Group" = "nso-group"). */
    private static String normal(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
