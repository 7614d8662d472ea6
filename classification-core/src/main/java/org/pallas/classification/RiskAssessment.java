package org.pallas.classification;

import java.util.List;

/**
 * The product risk tier, 1 (low) to 4 (highest), with the reasons that set and moved it. The scale is
 * documented in docs/classification.md. It rates the capability and its safeguards, not a customer.
 */
public record RiskAssessment(int tier, List<Reason> reasons) {

    public RiskAssessment {
        if (tier < 1 || tier > 4) {
            throw new IllegalArgumentException("risk tier must be 1 to 4, got " + tier);
        }
        reasons = List.copyOf(reasons);
    }

    public String label() {
        return switch (tier) {
            case 1 -> "1 - low";
            case 2 -> "2 - moderate";
            case 3 -> "3 - high";
            default -> "4 - highest";
        };
    }

    /** One reason: what it found, how it moved the tier, and the rules or cases behind it. */
    public record Reason(Effect effect, String text, List<String> rules) {}

    public enum Effect {
        BASE,
        RAISES,
        LOWERS,
        CAPS,
        NOTE
    }
}
