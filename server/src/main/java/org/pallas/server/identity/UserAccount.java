package org.pallas.server.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Role;

/** A user: belongs to one organisation, holds roles. Never carries the password hash. */
public record UserAccount(
        UUID id,
        UUID organisationId,
        String username,
        String displayName,
        String email,
        AdviserTeam team,
        boolean enabled,
        Set<Role> roles,
        Instant createdAt) {}
