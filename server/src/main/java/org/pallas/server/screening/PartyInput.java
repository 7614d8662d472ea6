package org.pallas.server.screening;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A party as entered: name, kind and the optional qualifiers that sharpen screening. */
public record PartyInput(
        @NotBlank(message = "Enter the party's name") @Size(max = 500, message = "Name must be 500 characters or fewer")
        String name,

        @Pattern(
                regexp = "(?i)person|organisation|organization|vessel|aircraft|any",
                message = "Kind must be person, organisation, vessel, aircraft or any")
        String kind,

        @Size(max = 3, message = "Country must be an ISO 3166 alpha-2 or alpha-3 code")
        String country,

        @Pattern(
                regexp = "\\d{4}(-\\d{2}(-\\d{2})?)?",
                message = "Birth or incorporation date must be YYYY, YYYY-MM or YYYY-MM-DD")
        String birthDate,

        @Size(max = 20, message = "At most 20 identifiers")
        List<@Size(max = 100, message = "Identifiers must be 100 characters or fewer") String> identifiers,

        @Size(max = 200, message = "Reference must be 200 characters or fewer")
        String reference) {}
