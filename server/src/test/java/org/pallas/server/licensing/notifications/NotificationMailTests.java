package org.pallas.server.licensing.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pallas.licensing.EndUserType;
import org.pallas.licensing.Party;
import org.pallas.licensing.PartyRole;
import org.pallas.licensing.TestClock;
import org.pallas.policy.ScreeningOutcome;
import org.pallas.server.PallasTest;
import org.pallas.server.licensing.cases.LiveListPartyScreening;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/** The e-mail outbox against a loopback SMTP listener (retry with backoff, giving up on record), and live-list screening. */
@PallasTest
class NotificationMailTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    LiveListPartyScreening screening;

    private record Row(String status, int attempts, String lastError, Instant nextAttemptAt) {}

    private Row row(String subject) {
        return jdbc.sql(
                        "select status, attempts, last_error, next_attempt_at from notification_outbox where subject = :s")
                .param("s", "[Pallas] " + subject)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
    }

    /** Queues a notification with mail for a user who has an e-mail address, as a change's transaction would. */
    private String queued(TestClock clock) {
        UUID user = jdbc.sql("select id from app_user where email is not null and enabled order by username limit 1")
                .query(UUID.class)
                .single();
        String subject = "Licence test " + UUID.randomUUID();
        Notifications notifications = new Notifications(jdbc, clock, true);
        tx.executeWithoutResult(s -> notifications.notifyUser(user, "licence", subject, "Licence body", "/licences/x"));
        return subject;
    }

    private static JavaMailSenderImpl sender(SmtpListener smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.port());
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return sender;
    }

    @Test
    void aRefusedMessageIsRetriedAfterTheBackoffAndThenDelivered() throws Exception {
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String subject = queued(clock);
        try (SmtpListener smtp = new SmtpListener()) {
            smtp.failNext(1);
            MailOutbox outbox =
                    new MailOutbox(jdbc, tx, sender(smtp), clock, "pallas@test.invalid", 3, Duration.ofMinutes(1));
            outbox.dispatch();
            Row failed = row(subject);
            assertThat(failed.status()).isEqualTo("PENDING");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).contains("451");
            assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
            outbox.dispatch();
            assertThat(row(subject).attempts()).as("not due before the backoff").isEqualTo(1);
            clock.advance(Duration.ofMinutes(2));
            outbox.dispatch();
            assertThat(row(subject).status()).isEqualTo("SENT");
            assertThat(smtp.received()).anySatisfy(m -> assertThat(m).contains(subject, "Licence body", "/licences/x"));
        }
    }

    @Test
    void afterTheLastAttemptTheMessageIsKeptAsFailedWithItsError() throws Exception {
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        String subject = queued(clock);
        try (SmtpListener smtp = new SmtpListener()) {
            smtp.failNext(10);
            MailOutbox outbox =
                    new MailOutbox(jdbc, tx, sender(smtp), clock, "pallas@test.invalid", 2, Duration.ofSeconds(10));
            outbox.dispatch();
            clock.advance(Duration.ofSeconds(11));
            outbox.dispatch();
            Row row = row(subject);
            assertThat(row.status()).isEqualTo("FAILED");
            assertThat(row.attempts()).isEqualTo(2);
            assertThat(row.lastError()).contains("451");
            clock.advance(Duration.ofHours(1));
            outbox.dispatch();
            assertThat(row(subject).attempts())
                    .as("a failed message is not retried again")
                    .isEqualTo(2);
            assertThat(smtp.received()).noneMatch(m -> m.contains(subject));
        }
    }

    @Test
    void withoutSmtpConfiguredOnlyTheInAppNotificationIsWritten() {
        TestClock clock = new TestClock(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        UUID user = jdbc.sql("select id from app_user where email is not null and enabled order by username limit 1")
                .query(UUID.class)
                .single();
        String title = "In-app only " + UUID.randomUUID();
        tx.executeWithoutResult(
                s -> new Notifications(jdbc, clock, false).notifyUser(user, "licence", title, "b", null));
        assertThat(jdbc.sql("select count(*) from notification where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification_outbox where subject = :t")
                        .param("t", "[Pallas] " + title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void livePartyScreeningUsesTheListVersionsInUseAndReportsEntityListHits() {
        ScreeningOutcome listed = screening.screen(
                new Party("EU-1", PartyRole.END_USER, "NSO Group", "IL", "Herzliya", EndUserType.COMMERCIAL, null));
        assertThat(listed.screened()).isTrue();
        assertThat(listed.listVersions()).isNotEmpty();
        assertThat(listed.hits()).anySatisfy(h -> assertThat(h.entityList()).isTrue());
        ScreeningOutcome clear = screening.screen(new Party(
                "EU-1", PartyRole.END_USER, "Rhein Bank AG", "DE", "Frankfurt", EndUserType.COMMERCIAL, null));
        assertThat(clear.screened()).isTrue();
        assertThat(clear.hits()).isEmpty();
        assertThat(LiveListPartyScreening.versions(List.of("US-CSL@2023-11-30#ab12")))
                .isEqualTo(Map.of("US-CSL", "2023-11-30#ab12"));
    }
}
