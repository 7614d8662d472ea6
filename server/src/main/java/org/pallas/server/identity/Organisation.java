package org.pallas.server.identity;

import java.time.Instant;
import java.util.UUID;
import org.pallas.server.platform.OrganisationKind;

/** An organisation (tenant): an exporter, the licensing authority, an advisory department, … */
public record Organisation(
        UUID id, String name, OrganisationKind kind, String country, Instant createdAt, Instant updatedAt) {}
