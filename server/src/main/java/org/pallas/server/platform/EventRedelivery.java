package org.pallas.server.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redelivers events to after-commit listeners that failed. Spring Modulith's event publication registry (table
 * {@code event_publication}, Flyway V1_0) stores one row per event and {@code @TransactionalEventListener} in the
 * transaction that publishes the event, so the row commits with the change; the row is completed (deleted) when the
 * listener succeeds and marked failed when it throws. Failed rows at least {@code pallas.events.redelivery-after} old
 * are redelivered every {@code pallas.events.redelivery-interval}; rows a crashed instance left in progress become
 * failed after the staleness limits in application.yml and are then redelivered too.
 *
 * <p>Safe with several instances on one database: before redelivering, an instance claims the row with a
 * conditional update (status to {@code RESUBMITTED}); an instance whose claim finds it already claimed skips it.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final FailedEventPublications failed;
    private final Clock clock;
    private final Duration after;

    EventRedelivery(
            FailedEventPublications failed,
            Clock clock,
            @Value("${pallas.events.redelivery-after:PT1M}") Duration after) {
        this.failed = failed;
        this.clock = clock;
        this.after = after;
    }

    @Scheduled(
            fixedDelayString = "${pallas.events.redelivery-interval:PT1M}",
            initialDelayString = "${pallas.events.redelivery-interval:PT1M}")
    void scheduled() {
        try {
            redeliverFailed(after);
        } catch (RuntimeException e) {
            log.error("Redelivering failed event publications failed; retrying at the next interval", e);
        }
    }

    /** Redelivers the failed publications at least {@code minAge} old, each on one instance only. */
    void redeliverFailed(Duration minAge) {
        Instant before = clock.instant().minus(minAge);
        // The age is checked here too: Modulith 2.0.3's query for failed publications ignores withMinAge (its WHERE
        // clause binds the date to the second OR branch only).
        failed.resubmit(ResubmissionOptions.defaults()
                .withMinAge(minAge)
                .withFilter(publication -> publication.getPublicationDate().isBefore(before)));
    }
}
