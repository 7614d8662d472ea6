package org.pallas.licensing;

import java.util.List;
import java.util.Set;

/**
 * The published terms of a general authorisation, as data: which control entries may go to which destinations and
 * end-user types, and which safeguards every registrant must commit to. {@code basis} lists the regulation.md rule IDs
 * the terms rest on; {@code unverified} is true when any of them is tagged [R].
 */
public record GeneralAuthorisationTerms(
        String id,
        String title,
        List<String> basis,
        boolean unverified,
        Set<String> controlEntries,
        Set<String> destinations,
        Set<EndUserType> endUserTypes,
        Set<Safeguard> requiredSafeguards) {

    public GeneralAuthorisationTerms {
        basis = List.copyOf(basis);
        controlEntries = Set.copyOf(controlEntries);
        destinations = Set.copyOf(destinations);
        endUserTypes = Set.copyOf(endUserTypes);
        requiredSafeguards = Set.copyOf(requiredSafeguards);
    }
}
