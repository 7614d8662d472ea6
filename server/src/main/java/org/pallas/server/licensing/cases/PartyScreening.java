package org.pallas.server.licensing.cases;

import org.pallas.licensing.Party;
import org.pallas.policy.ScreeningOutcome;

/**
 * Seam to the screening module (not on main yet): what screening reported for a party. Until a bean of this type is
 * present every party is "not screened", which the rulebook treats as a red flag (RF-PARTY-NOT-SCREENED, EUREC-DD-2),
 * so no application reaches fast track without screening.
 */
public interface PartyScreening {

    ScreeningOutcome screen(Party party);
}
