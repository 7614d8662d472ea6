package org.pallas.server.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import java.util.UUID;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Role;

/** What an administrator enters to create a user. */
public record UserInput(
        @NotNull(message = "Choose the user's organisation") UUID organisationId,

        @NotBlank(message = "Enter a username")
        @Size(min = 3, max = 100, message = "Username must be 3 to 100 characters")
        @Pattern(regexp = "^[a-zA-Z0-9._@-]*$", message = "Username may contain only letters, digits and . _ @ -")
        String username,

        @NotBlank(message = "Enter the user's full name")
        @Size(max = 200, message = "Full name must be 200 characters or fewer")
        String displayName,

        @Email(message = "Enter a valid e-mail address")
        @Size(max = 254, message = "E-mail must be 254 characters or fewer")
        String email,

        AdviserTeam team,
        Set<Role> roles,

        @NotNull(message = "Enter an initial password")
        @Size(min = 12, max = 128, message = "Password must be 12 to 128 characters")
        String password) {}
