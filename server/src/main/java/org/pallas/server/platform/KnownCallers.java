package org.pallas.server.platform;

/**
 * A known user as the {@link Caller} they are when signed in (their organisation, roles and adviser team), for work
 * that acts on their behalf while nobody is signed in: demo seeds, backdated case histories and work set off by a user's change. Implemented by the
 * identity module, so no other module reads the user tables.
 */
public interface KnownCallers {

    /** The enabled user of that username; throws when there is none. */
    Caller byUsername(String username);

    /**
     * The enabled user of that id, or empty when there is none (disabled since): for work a user set off that runs
     * after their request, such as the reviews a confirmed misuse report sets off in another module.
     */
    java.util.Optional<Caller> byUserId(java.util.UUID userId);
}
