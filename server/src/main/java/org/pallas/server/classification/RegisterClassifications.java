package org.pallas.server.classification;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.pallas.classification.Outcome;
import org.pallas.classification.capability.CapabilityDescription;
import org.pallas.classification.reference.Regime;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * For licensing: a registered product's classification as an application uses it. The authority's confirmed (or
 * amended) rating when a classification request was decided; otherwise the rating the engine computes from the
 * product's current answers, which counts only once every question that applies is answered. The capability
 * description comes with it, from the product version the rating is for, so that the rulebook reads what the product
 * does (zero-click, persistence, covert surveillance) from the register and not from the exporter's word.
 */
@Service
public class RegisterClassifications {

    /** Where the rating came from. */
    public enum Basis {
        /** Decided by the authority on a classification request. */
        CONFIRMED,
        /** Computed from the register's answers; not yet decided by the authority. */
        COMPUTED
    }

    /**
     * @param confirmed the decided rating when {@code basis} is CONFIRMED
     */
    public record RegisteredClassification(
            UUID productId,
            int productVersion,
            String productName,
            Basis basis,
            Rating rating,
            CapabilityDescription description,
            String referenceDataVersion,
            Optional<ConfirmedRating> confirmed) {}

    private final ProductRepository products;
    private final ClassificationRequests requests;
    private final ClassificationAssessments assessments;

    RegisterClassifications(
            ProductRepository products, ClassificationRequests requests, ClassificationAssessments assessments) {
        this.products = products;
        this.requests = requests;
        this.assessments = assessments;
    }

    /**
     * The product's classification; empty when the product is registered but not yet classifiable (questions still
     * open). Throws {@link NotFoundException} when the caller may not see the product.
     */
    @Transactional(readOnly = true)
    public Optional<RegisteredClassification> of(Caller caller, UUID productId) {
        Product product =
                products.find(caller, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        Optional<ConfirmedRating> confirmed = requests.latest(caller, productId);
        if (confirmed.isPresent()) {
            ConfirmedRating r = confirmed.get();
            Map<String, List<String>> answers = products.version(productId, r.productVersion())
                    .map(ProductVersion::answers)
                    .orElse(product.answers());
            return Optional.of(new RegisteredClassification(
                    productId,
                    r.productVersion(),
                    product.name(),
                    Basis.CONFIRMED,
                    r.rating(),
                    assessments.assess(answers).classification().description(),
                    r.referenceDataVersion(),
                    confirmed));
        }
        ClassificationAssessments.Step step = assessments.assess(product.answers());
        if (!step.complete()) {
            return Optional.empty();
        }
        var classification = step.classification();
        // An open regime counts with its candidate entries: routing takes the stricter reading until it is decided.
        Map<Regime, List<String>> entries = new EnumMap<>(Regime.class);
        for (Regime regime : Regime.values()) {
            var r = classification.regime(regime);
            if (r == null) {
                continue;
            }
            List<String> codes = r.outcome() == Outcome.NEEDS_REVIEW
                    ? Stream.concat(
                                    r.entryCodes().stream(),
                                    r.candidates().stream().map(e -> e.code()))
                            .distinct()
                            .toList()
                    : r.entryCodes();
            entries.put(regime, codes);
        }
        return Optional.of(new RegisteredClassification(
                productId,
                product.version(),
                product.name(),
                Basis.COMPUTED,
                new Rating(entries, classification.risk().tier()),
                classification.description(),
                classification.referenceDataVersion(),
                Optional.empty()));
    }
}
