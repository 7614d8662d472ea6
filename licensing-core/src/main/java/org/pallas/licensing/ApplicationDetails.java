package org.pallas.licensing;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the exporter states in one version of an application. Immutable: a draft is saved by replacing it, an
 * amendment adds a new version. Fields may be null or empty in a draft; {@link ApplicationRules} says what is missing.
 *
 * @param generalAuthorisationId for {@link LicenceType#GENERAL_REGISTRATION}: the published terms registered for
 */
public record ApplicationDetails(
        List<Product> products,
        List<Party> parties,
        Set<String> destinations,
        String endUseStatement,
        UndertakingDocument undertaking,
        Set<Safeguard> safeguards,
        QuantityModel quantities,
        String generalAuthorisationId) {

    public ApplicationDetails {
        products = products == null ? List.of() : List.copyOf(products);
        parties = parties == null ? List.of() : List.copyOf(parties);
        // Sorted so that versions compare and print the same way whatever order the form sent.
        destinations = destinations == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(destinations));
        safeguards = safeguards == null ? Set.of() : Set.copyOf(safeguards);
    }

    public static ApplicationDetails empty() {
        return new ApplicationDetails(null, null, null, null, null, null, null, null);
    }

    public List<Party> partiesIn(PartyRole role) {
        return parties.stream().filter(p -> p.role() == role).toList();
    }

    public ApplicationDetails withProducts(List<Product> value) {
        return new ApplicationDetails(
                value,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId);
    }

    public ApplicationDetails withParties(List<Party> value) {
        return new ApplicationDetails(
                products,
                value,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId);
    }

    public ApplicationDetails withDestinations(Set<String> value) {
        return new ApplicationDetails(
                products, parties, value, endUseStatement, undertaking, safeguards, quantities, generalAuthorisationId);
    }

    public ApplicationDetails withEndUseStatement(String value) {
        return new ApplicationDetails(
                products, parties, destinations, value, undertaking, safeguards, quantities, generalAuthorisationId);
    }

    public ApplicationDetails withUndertaking(UndertakingDocument value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                endUseStatement,
                value,
                safeguards,
                quantities,
                generalAuthorisationId);
    }

    public ApplicationDetails withSafeguards(Set<Safeguard> value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                value,
                quantities,
                generalAuthorisationId);
    }

    public ApplicationDetails withQuantities(QuantityModel value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                value,
                generalAuthorisationId);
    }

    public ApplicationDetails withGeneralAuthorisationId(String value) {
        return new ApplicationDetails(
                products, parties, destinations, endUseStatement, undertaking, safeguards, quantities, value);
    }
}
