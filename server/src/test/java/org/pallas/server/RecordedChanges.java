package org.pallas.server;

import java.util.ArrayList;
import java.util.List;
import org.pallas.server.platform.RecordedChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Test listener standing in for the ledger: records every {@link RecordedChange} synchronously, noting
 * whether it arrived inside a transaction (as the ledger's listener will). Part of the shared test
 * context; use {@link #mark()} and {@link #since(int)} to see what one action published.
 */
@Component
public class RecordedChanges {

    /** A published change and whether a transaction was active when it arrived. */
    public record Seen(RecordedChange change, boolean inTransaction) {}

    private final List<Seen> seen = new ArrayList<>();

    @EventListener
    synchronized void on(RecordedChange change) {
        seen.add(new Seen(change, TransactionSynchronizationManager.isActualTransactionActive()));
    }

    public synchronized int mark() {
        return seen.size();
    }

    public synchronized List<Seen> since(int mark) {
        return List.copyOf(seen.subList(mark, seen.size()));
    }
}
