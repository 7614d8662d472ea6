package org.pallas.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.ledger.record.LedgerRecord;
import org.pallas.server.PallasTest;
import org.pallas.server.TestCast;
import org.pallas.server.TestCast.Who;
import org.pallas.server.identity.AccessTokens;
import org.pallas.server.identity.Organisation;
import org.pallas.server.identity.OrganisationInput;
import org.pallas.server.identity.Organisations;
import org.pallas.server.platform.OrganisationKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batched append path: a transaction's entries are written together just before it commits, in publishing
 * order, each with the state right after its own change; rolled-back and nested transactions keep their own.
 */
@PallasTest
class BatchedAppendTests {

    @Autowired
    Organisations organisations;

    @Autowired
    AccessTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    LedgerStore store;

    @Autowired
    Sequencer sequencer;

    @Autowired
    IntegrityCheck check;

    private Organisation create(String name) {
        return organisations.create(
                new TestCast(jdbc, tokens).caller(Who.ADMIN),
                new OrganisationInput(name, OrganisationKind.EXPORTER, "NL"));
    }

    @Test
    void writesAllEntriesOfATransactionInPublishingOrderWhenItCommits() {
        List<UUID> ids = new ArrayList<>();
        long[] duringTransaction = new long[1];
        long before = store.countEntries();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 50; i++) {
                ids.add(create("Batch Org " + i + " " + UUID.randomUUID()).id());
            }
            duringTransaction[0] = store.countEntries();
        });
        assertThat(duringTransaction[0]).as("nothing written before the commit").isEqualTo(before);
        List<Long> seqs = new ArrayList<>();
        for (UUID id : ids) {
            List<LedgerStore.StoredEntry> entries = store.forSubject("organisation", id.toString());
            assertThat(entries)
                    .singleElement()
                    .satisfies(e -> assertThat(e.type()).isEqualTo("identity.organisation.created"));
            seqs.add(entries.get(0).seq());
        }
        assertThat(seqs)
                .as("one seq after another, in publishing order")
                .isSorted()
                .last()
                .isEqualTo(seqs.get(0) + ids.size() - 1);
        assertThat(store.countEntries()).isEqualTo(before + ids.size());
    }

    @Test
    void eachEntryOfABatchHoldsTheStateRightAfterItsOwnChange() throws Exception {
        String first = "Before Rename " + UUID.randomUUID();
        String second = "After Rename " + UUID.randomUUID();
        UUID id = tx.execute(s -> {
            Organisation o = create(first);
            organisations.update(
                    new TestCast(jdbc, tokens).caller(Who.ADMIN),
                    o.id(),
                    new OrganisationInput(second, OrganisationKind.EXPORTER, "NL"));
            return o.id();
        });
        List<LedgerStore.StoredEntry> entries = store.forSubject("organisation", id.toString());
        assertThat(entries)
                .extracting(LedgerStore.StoredEntry::type)
                .containsExactly("identity.organisation.created", "identity.organisation.updated");
        assertThat(payload(entries.get(0)))
                .contains("\"name\":\"" + first + "\"")
                .doesNotContain(second);
        assertThat(payload(entries.get(1))).contains("\"name\":\"" + second + "\"");
    }

    @Test
    void aNestedTransactionCommitsItsOwnEntriesWhileTheOuterOneRollsBack() {
        TransactionTemplate requiresNew = new TransactionTemplate(transactions);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        UUID[] ids = new UUID[2];
        tx.executeWithoutResult(s -> {
            ids[0] = create("Outer Org " + UUID.randomUUID()).id();
            ids[1] = requiresNew.execute(
                    inner -> create("Inner Org " + UUID.randomUUID()).id());
            s.setRollbackOnly();
        });
        assertThat(store.forSubject("organisation", ids[0].toString()))
                .as("rolled back with its change")
                .isEmpty();
        assertThat(store.forSubject("organisation", ids[1].toString()))
                .as("committed with its change")
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from organisation where id = :id")
                        .param("id", ids[1])
                        .query(Long.class)
                        .single())
                .isOne();
    }

    @Test
    void aBatchIsSequencedAndSignedLikeSingleAppends() {
        List<UUID> ids = new ArrayList<>();
        tx.executeWithoutResult(s -> {
            for (int i = 0; i < 300; i++) {
                ids.add(create("Signed Batch Org " + UUID.randomUUID()).id());
            }
        });
        sequencer.sequenceAll();
        long size = store.latestCheckpoint().orElseThrow().treeSize();
        for (UUID id : ids) {
            assertThat(store.forSubject("organisation", id.toString()))
                    .singleElement()
                    .satisfies(e -> assertThat(e.leafIndex()).isNotNull().isLessThan(size));
        }
    }

    @Test
    void anEntryAwaitingSequencingHasNoLeafIndexAndTheIntegrityCheckFindsNothingWrongWithIt() {
        UUID id = create("Unsequenced Org " + UUID.randomUUID()).id();
        assertThat(store.forSubject("organisation", id.toString()))
                .singleElement()
                .satisfies(e -> assertThat(e.leafIndex()).isNull());
        assertThat(check.run().discrepancies()).noneMatch(d -> d.subjectId().equals(id.toString()));
        sequencer.sequenceAll();
        assertThat(store.forSubject("organisation", id.toString()))
                .singleElement()
                .satisfies(e -> assertThat(e.leafIndex()).isNotNull());
    }

    private String payload(LedgerStore.StoredEntry entry) throws Exception {
        byte[] record = store.record(entry.seq()).orElseThrow();
        return new String(LedgerRecord.decode(record).payload(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
