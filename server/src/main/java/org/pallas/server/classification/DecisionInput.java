package org.pallas.server.classification;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A caseworker's decision on a classification request: confirm the engine's proposal, or amend it
 * with the rating decided. Reasons are required either way; they are what the exporter and any
 * later review read.
 */
public record DecisionInput(
        @NotNull(message = "Choose whether to confirm or amend the proposed rating")
        Kind decision,

        @NotBlank(message = "Give the reasons for the decision")
        @Size(max = 4000, message = "Reasons must be 4000 characters or fewer")
        String reasons,

        Rating rating) {

    public enum Kind {
        CONFIRM,
        AMEND
    }
}
