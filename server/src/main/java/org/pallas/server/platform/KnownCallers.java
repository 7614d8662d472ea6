package org.pallas.server.platform;

/**
 * A known user as the {@link Caller} they are when signed in (their organisation, roles and adviser team), for work
 * that acts on their behalf while nobody is signed in: demo seeds and backdated case histories. Implemented by the
 * identity module, so no other module reads the user tables.
 */
public interface KnownCallers {

    /** The enabled user of that username; throws when there is none. */
    Caller byUsername(String username);
}
