package org.pallas.server.classification;

import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * Classification's published events: a change in the product register or to a classification request, published
 * once per change inside its transaction.
 */
public sealed interface ClassificationChanged extends RecordedChange {

    @RecordedAs(type = "classification.product.registered", subject = "product")
    record ProductRegistered(Facts facts) implements ClassificationChanged {}

    @RecordedAs(type = "classification.product.revised", subject = "product")
    record ProductRevised(Facts facts) implements ClassificationChanged {}

    @RecordedAs(type = "classification.request.submitted", subject = "classification-request")
    record ClassificationRequested(Facts facts) implements ClassificationChanged {}

    /** The authority confirmed the exporter's proposed rating. */
    @RecordedAs(type = "classification.request.confirmed", subject = "classification-request")
    record ClassificationConfirmed(Facts facts) implements ClassificationChanged {}

    /** The authority set a rating other than the one proposed. */
    @RecordedAs(type = "classification.request.amended", subject = "classification-request")
    record ClassificationAmended(Facts facts) implements ClassificationChanged {}
}
