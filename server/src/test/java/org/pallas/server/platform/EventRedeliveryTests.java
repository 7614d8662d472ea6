package org.pallas.server.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.server.PallasTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** After-commit listeners through the event publication registry: delivered after commit, redelivered if they fail. */
@PallasTest
class EventRedeliveryTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RedeliveryProbe probe;

    @Autowired
    EventRedelivery redelivery;

    /** The registry's rows for one probe: status and completion date (null while incomplete). */
    private List<String> publications(UUID id) {
        return jdbc.sql("select status || ' ' || coalesce(completion_date::text, 'incomplete') from event_publication "
                        + "where serialized_event like :id")
                .param("id", "%" + id + "%")
                .query(String.class)
                .list();
    }

    @Test
    void aListenerFailingOnceLeavesAnIncompletePublicationThatARedeliveryCompletes() {
        UUID id = UUID.randomUUID();
        probe.failOnce(id);
        tx.executeWithoutResult(s -> events.publishEvent(new RedeliveryProbe.Probed(id)));
        assertThat(probe.delivered()).doesNotContain(id);
        assertThat(publications(id)).as("the failed delivery is kept").containsExactly("FAILED incomplete");

        redelivery.redeliverFailed(Duration.ZERO);

        assertThat(probe.delivered()).as("delivered once, by the redelivery").containsOnlyOnce(id);
        assertThat(publications(id)).as("a completed publication is deleted").isEmpty();
        redelivery.redeliverFailed(Duration.ZERO);
        assertThat(probe.delivered()).as("never delivered again").containsOnlyOnce(id);
    }

    @Test
    void aFailedPublicationYoungerThanTheRedeliveryAgeWaits() {
        UUID id = UUID.randomUUID();
        probe.failOnce(id);
        tx.executeWithoutResult(s -> events.publishEvent(new RedeliveryProbe.Probed(id)));
        redelivery.redeliverFailed(Duration.ofHours(1));
        assertThat(probe.delivered()).doesNotContain(id);
        assertThat(publications(id)).containsExactly("FAILED incomplete");
        redelivery.redeliverFailed(Duration.ZERO);
        assertThat(probe.delivered()).containsOnlyOnce(id);
    }

    @Test
    void aListenerRunsOnlyOnceItsChangeHasCommittedAndLeavesNoPublication() {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new RedeliveryProbe.Probed(id));
            assertThat(probe.delivered()).as("not before the commit").doesNotContain(id);
        });
        assertThat(probe.delivered()).containsOnlyOnce(id);
        assertThat(publications(id)).isEmpty();
    }

    @Test
    void aRolledBackChangeDeliversNothingAndLeavesNoPublication() {
        UUID id = UUID.randomUUID();
        tx.executeWithoutResult(s -> {
            events.publishEvent(new RedeliveryProbe.Probed(id));
            s.setRollbackOnly();
        });
        redelivery.redeliverFailed(Duration.ZERO);
        assertThat(probe.delivered()).doesNotContain(id);
        assertThat(publications(id)).isEmpty();
    }
}
