package org.pallas.server.ledger;

import org.springframework.context.ApplicationContext;

/** For tests outside this package (browser tests): sequence and sign what is pending, as the scheduler would. */
public final class LedgerTestSequencing {

    private LedgerTestSequencing() {}

    /** Sequences every pending entry; returns the size of the latest signed tree. */
    public static long sequenceAll(ApplicationContext context) {
        context.getBean(Sequencer.class).sequenceAll();
        return context.getBean(LedgerStore.class)
                .latestCheckpoint()
                .map(LedgerStore.StoredCheckpoint::treeSize)
                .orElse(0L);
    }
}
