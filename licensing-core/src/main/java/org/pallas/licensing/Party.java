package org.pallas.licensing;

/**
 * A party to the transfer. {@code partyId} is stable across versions of the application so that a later screening
 * hit on the party can find every licence involving it. {@code endUserType} and {@code agencyOrUnit} apply to end
 * users and ultimate end users; for cyber intrusion the unit inside a government matters more than the country.
 */
public record Party(
        String partyId,
        PartyRole role,
        String name,
        String countryCode,
        String address,
        EndUserType endUserType,
        String agencyOrUnit) {

    boolean isEndUser() {
        return role == PartyRole.END_USER || role == PartyRole.ULTIMATE_END_USER;
    }
}
