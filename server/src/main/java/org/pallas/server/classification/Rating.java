package org.pallas.server.classification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pallas.classification.reference.Regime;

/**
 * A product's rating: per regime the control-list entry codes that catch it (empty: not controlled),
 * and the product risk tier 1 (low) to 4 (highest) of docs/classification.md.
 */
public record Rating(Map<Regime, List<String>> entries, int riskTier) {

    public Rating {
        EnumMap<Regime, List<String>> copy = new EnumMap<>(Regime.class);
        if (entries != null) {
            entries.forEach((regime, codes) -> copy.put(regime, codes == null ? List.of() : List.copyOf(codes)));
        }
        entries = java.util.Collections.unmodifiableMap(copy);
    }

    public List<String> entries(Regime regime) {
        return entries.getOrDefault(regime, List.of());
    }

    public boolean controlled() {
        return entries.values().stream().anyMatch(codes -> !codes.isEmpty());
    }
}
