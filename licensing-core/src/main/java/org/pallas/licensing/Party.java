package org.pallas.licensing;

/**
 * A party to the transfer. {@code partyId} is stable across versions of the application so that a later screening
 * hit on the party can find every licence involving it. {@code endUserType} and {@code agencyOrUnit} apply to end
 * users and ultimate end users; for cyber intrusion the unit inside a government matters more than the country. {@code oversight} is
 * the end user's oversight as stated ({@link Oversight}; null when not stated).
 */
public record Party(
        String partyId,
        PartyRole role,
        String name,
        String countryCode,
        String address,
        EndUserType endUserType,
        String agencyOrUnit,
        Oversight oversight) {

    /** A party whose oversight is not stated (all but government end users of high-risk items). */
    public Party(
            String partyId,
            PartyRole role,
            String name,
            String countryCode,
            String address,
            EndUserType endUserType,
            String agencyOrUnit) {
        this(partyId, role, name, countryCode, address, endUserType, agencyOrUnit, null);
    }

    boolean isEndUser() {
        return role == PartyRole.END_USER || role == PartyRole.ULTIMATE_END_USER;
    }
}
