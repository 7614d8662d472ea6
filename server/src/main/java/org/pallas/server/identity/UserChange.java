package org.pallas.server.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.pallas.policy.AdviserTeam;

/** An administrator's change to a user's details. */
public record UserChange(
        @NotBlank(message = "Enter the user's full name")
        @Size(max = 200, message = "Full name must be 200 characters or fewer")
        String displayName,

        @Email(message = "Enter a valid e-mail address")
        @Size(max = 254, message = "E-mail must be 254 characters or fewer")
        String email,

        AdviserTeam team) {}
