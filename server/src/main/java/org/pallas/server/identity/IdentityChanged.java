package org.pallas.server.identity;

import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * Identity's published events: a change to organisations, users, roles or tokens, published once per change inside
 * the transaction that makes it.
 */
public sealed interface IdentityChanged extends RecordedChange {

    @RecordedAs(type = "identity.organisation.created", subject = "organisation")
    record OrganisationCreated(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.organisation.updated", subject = "organisation")
    record OrganisationUpdated(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.created", subject = "user")
    record UserCreated(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.updated", subject = "user")
    record UserUpdated(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.disabled", subject = "user")
    record UserDisabled(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.enabled", subject = "user")
    record UserEnabled(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.roles-changed", subject = "user")
    record UserRolesChanged(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.password-changed", subject = "user")
    record PasswordChanged(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.user.oidc-linked", subject = "user")
    record SingleSignOnLinked(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.token.created", subject = "token")
    record TokenCreated(Facts facts) implements IdentityChanged {}

    @RecordedAs(type = "identity.token.revoked", subject = "token")
    record TokenRevoked(Facts facts) implements IdentityChanged {}
}
