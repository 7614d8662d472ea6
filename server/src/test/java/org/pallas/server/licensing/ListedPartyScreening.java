package org.pallas.server.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.pallas.licensing.Party;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.licensing.cases.PartyScreening;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Stands in for the screening module (on another branch) in the shared test context: every party is screened
 * against a one-entry test list, and a party whose name contains "Sanctioned" is a sanctions hit. Primary over the
 * live-list screening (LiveListPartyScreening, tested on its own) so that routing in tests does not depend on the lists.
 */
@Primary
@Component
class ListedPartyScreening implements PartyScreening {

    static final Map<String, String> LISTS = Map.of("TEST-SANCTIONS", "2026-11-01");

    @Override
    public ScreeningOutcome screen(Party party) {
        if (party.name() != null && party.name().toLowerCase(Locale.ROOT).contains("sanctioned")) {
            return new ScreeningOutcome(
                    true,
                    LISTS,
                    List.of(new ScreeningOutcome.Hit(
                            "TEST-SANCTIONS", "T-1", party.name(), 0.97, "2026-11-01", true, false, (LocalDate) null)));
        }
        return ScreeningOutcome.clear(LISTS);
    }
}
