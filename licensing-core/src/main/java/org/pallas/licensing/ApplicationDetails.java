package org.pallas.licensing;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.pallas.policy.DueDiligenceQuestion;

/**
 * What the exporter states in one version of an application. Immutable: a draft is saved by replacing it, an
 * amendment adds a new version. Fields may be null or empty in a draft; {@link ApplicationRules} says what is missing.
 *
 * @param generalAuthorisationId for {@link LicenceType#GENERAL_REGISTRATION}: the published terms registered for
 * @param targetedUse the stated scope of use (PMP-PRE-1); null when not stated
 * @param dueDiligence the exporter's answers to the due-diligence questions the risk calls for (EUREC-DD-3); a
 *     question not asked is absent
 */
public record ApplicationDetails(
        List<Product> products,
        List<Party> parties,
        Set<String> destinations,
        String endUseStatement,
        UndertakingDocument undertaking,
        Set<Safeguard> safeguards,
        QuantityModel quantities,
        String generalAuthorisationId,
        TargetedUse targetedUse,
        Map<DueDiligenceQuestion, org.pallas.policy.Application.Answer> dueDiligence) {

    public ApplicationDetails {
        products = products == null ? List.of() : List.copyOf(products);
        parties = parties == null ? List.of() : List.copyOf(parties);
        // Sorted so that versions compare and print the same way whatever order the form sent.
        destinations = destinations == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(destinations));
        safeguards = safeguards == null ? Set.of() : Set.copyOf(safeguards);
        dueDiligence = dueDiligence == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(dueDiligence));
    }

    /** Details without a targeted scope or due-diligence answers (asked only when the risk calls for them). */
    public ApplicationDetails(
            List<Product> products,
            List<Party> parties,
            Set<String> destinations,
            String endUseStatement,
            UndertakingDocument undertaking,
            Set<Safeguard> safeguards,
            QuantityModel quantities,
            String generalAuthorisationId) {
        this(
                products,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId,
                null,
                null);
    }

    public ApplicationDetails withTargetedUse(TargetedUse value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId,
                value,
                dueDiligence);
    }

    public ApplicationDetails withDueDiligence(Map<DueDiligenceQuestion, org.pallas.policy.Application.Answer> value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId,
                targetedUse,
                value);
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
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
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
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
    }

    public ApplicationDetails withDestinations(Set<String> value) {
        return new ApplicationDetails(
                products,
                parties,
                value,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
    }

    public ApplicationDetails withEndUseStatement(String value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                value,
                undertaking,
                safeguards,
                quantities,
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
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
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
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
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
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
                generalAuthorisationId,
                targetedUse,
                dueDiligence);
    }

    public ApplicationDetails withGeneralAuthorisationId(String value) {
        return new ApplicationDetails(
                products,
                parties,
                destinations,
                endUseStatement,
                undertaking,
                safeguards,
                quantities,
                value,
                targetedUse,
                dueDiligence);
    }
}
