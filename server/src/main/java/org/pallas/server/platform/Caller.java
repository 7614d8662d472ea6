package org.pallas.server.platform;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.pallas.policy.AdviserTeam;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in user on whose behalf a request runs: who they are, which organisation (tenant) they
 * belong to and what roles they hold. Services take the caller to scope every read of tenant data.
 *
 * <p>Typical SQL scoping: {@code where (cast(:scope as uuid) is null or organisation_id = :scope)}
 * with {@code scope = caller.organisationScope()}.
 */
public record Caller(
        UUID userId,
        String username,
        String displayName,
        UUID organisationId,
        String organisationName,
        OrganisationKind organisationKind,
        Set<Role> roles,
        AdviserTeam team)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Roles whose holders may read across organisations (the authority side and oversight). */
    private static final Set<Role> CROSS_TENANT_READERS =
            EnumSet.of(Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR, Role.ADMIN);

    public Caller {
        // Unmodifiable, serializable (sessions) and in declaration order (stable JSON).
        roles = Collections.unmodifiableSet(roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    /** The caller of the current request; throws when nobody is signed in. */
    public static Caller current() {
        return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No signed-in caller"));
    }

    /** The caller of the current request, if somebody is signed in. */
    public static Optional<Caller> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return Optional.empty();
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof Caller caller) {
            return Optional.of(caller);
        }
        if (principal instanceof CallerPrincipal holder) {
            return Optional.of(holder.caller());
        }
        return Optional.empty();
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isExporter() {
        return organisationKind == OrganisationKind.EXPORTER;
    }

    public boolean isAuthority() {
        return organisationKind == OrganisationKind.LICENSING_AUTHORITY;
    }

    public boolean isAdvisoryDepartment() {
        return organisationKind == OrganisationKind.ADVISORY_DEPARTMENT;
    }

    public boolean isOversightBody() {
        return organisationKind == OrganisationKind.OVERSIGHT_BODY;
    }

    public boolean isCivilSociety() {
        return organisationKind == OrganisationKind.CIVIL_SOCIETY;
    }

    /** OVERSIGHT users read everything and change nothing; their reads go to the {@link ReadLog}. */
    public boolean isOversight() {
        return roles.contains(Role.OVERSIGHT);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** True when the caller may read other organisations' records (never true for an exporter). */
    public boolean readsAcrossOrganisations() {
        return !isExporter() && roles.stream().anyMatch(CROSS_TENANT_READERS::contains);
    }

    /**
     * The organisation to which reads must be restricted, or {@code null} when the caller may read
     * across organisations. Pass it to SQL as the tenant filter.
     */
    public UUID organisationScope() {
        return readsAcrossOrganisations() ? null : organisationId;
    }

    /** True when the caller may see records that belong to {@code organisation}. */
    public boolean maySee(UUID organisation) {
        return readsAcrossOrganisations() || organisationId.equals(organisation);
    }
}
