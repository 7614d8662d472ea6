/**
 * The accountability ledger: one entry for every {@link org.pallas.server.platform.RecordedChange}, written in the
 * transaction of the change ({@code LedgerRecorder}, the one adapter from events to ledger records), sequenced into an
 * RFC 9162 Merkle tree with signed checkpoints and tiles, the integrity check of recorded rows, and the public and
 * auditor views. Other modules read entries through {@link org.pallas.server.ledger.LedgerReads}; none writes to it
 * except by publishing events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger", allowedDependencies = "platform")
package org.pallas.server.ledger;
