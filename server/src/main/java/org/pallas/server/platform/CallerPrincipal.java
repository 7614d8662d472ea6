package org.pallas.server.platform;

/** A security principal (e.g. an OIDC user) that carries the Pallas {@link Caller}. */
public interface CallerPrincipal {
    Caller caller();
}
