package org.pallas.classification.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A control-list entry: its code (Wassenaar numbering, shared by Annex I, the UK list and the CCL),
 * a plain-language summary for users, a paraphrase of the legal text, a citation per regime, source and the
 * regulation.md rule IDs it rests on. {@code unverified} is true when any of those rules is [R].
 */
public record ControlEntry(
        String code,
        Set<Regime> regimes,
        String title,
        String summary,
        String legalText,
        Map<Regime, String> citations,
        String sourceUrl,
        List<String> rules,
        boolean unverified,
        LocalDate effectiveFrom,
        Optional<UsControl> us) {

    public ControlEntry {
        regimes = Set.copyOf(regimes);
        citations = Map.copyOf(citations);
        rules = List.copyOf(rules);
    }

    /** The citation of this entry in one regime's list, e.g. "Reg. (EU) 2021/821 Annex I 4D004". */
    public String citation(Regime regime) {
        return citations.getOrDefault(regime, code);
    }
}
