package org.pallas.server.policy;

import org.pallas.server.platform.RecordedAs;
import org.pallas.server.platform.RecordedChange;

/**
 * Policy's published events: a reviewed change to the rulebook, published inside the transaction that makes it. The
 * rules are public: the versions, hashes, file and reason are public metadata; the proposal records the SHA-256 of the
 * proposed file text (kept in {@code rulebook_change}), because a rule file may be larger than a ledger record.
 */
public sealed interface RulebookChanged extends RecordedChange {

    @RecordedAs(type = "policy.rulebook-change.proposed", subject = "rulebook-change")
    record RulebookChangeProposed(Facts facts) implements RulebookChanged {}

    /** Four eyes approved it: the new version is active from the commit on. */
    @RecordedAs(type = "policy.rulebook-change.approved", subject = "rulebook-change")
    record RulebookChangeApproved(Facts facts) implements RulebookChanged {}

    @RecordedAs(type = "policy.rulebook-change.rejected", subject = "rulebook-change")
    record RulebookChangeRejected(Facts facts) implements RulebookChanged {}
}
