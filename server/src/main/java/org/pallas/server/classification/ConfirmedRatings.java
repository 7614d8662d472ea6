package org.pallas.server.classification;

import java.util.Optional;
import java.util.UUID;
import org.pallas.server.platform.Caller;

/** For other modules (licensing): the authority's confirmed rating of a product. */
public interface ConfirmedRatings {

    /**
     * The latest confirmed or amended rating of the product, whichever version it was made for; empty
     * when none yet. Throws {@link org.pallas.server.platform.NotFoundException} when the caller may
     * not see the product.
     */
    Optional<ConfirmedRating> latest(Caller caller, UUID productId);
}
