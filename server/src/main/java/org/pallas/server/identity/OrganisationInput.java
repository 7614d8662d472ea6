package org.pallas.server.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.pallas.server.platform.OrganisationKind;

/** What an administrator enters for an organisation. */
public record OrganisationInput(
        @NotBlank(message = "Enter the organisation's name")
        @Size(max = 200, message = "Name must be 200 characters or fewer")
        String name,

        @NotNull(message = "Choose the kind of organisation")
        OrganisationKind kind,

        @Pattern(regexp = "^$|^[A-Z]{2}$", message = "Country must be a two-letter ISO 3166 code, e.g. GB")
        String country) {

    /** Trimmed; an empty country is none. */
    OrganisationInput normalised() {
        String c = country == null || country.isBlank() ? null : country.trim();
        return new OrganisationInput(name == null ? null : name.strip(), kind, c);
    }
}
