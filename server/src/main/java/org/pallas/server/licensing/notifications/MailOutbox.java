package org.pallas.server.licensing.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the e-mail outbox through SMTP. Each due message is sent in its own transaction (its row locked, other
 * dispatchers skip it); a failure is recorded on the row with the error and retried after an exponential backoff
 * ({@code pallas.notifications.mail.backoff} doubling per attempt); after {@code max-attempts} the row is FAILED and
 * stays for the operator to see — nothing is lost. Without {@code spring.mail.host} there is no sender and no outbox.
 */
@Component
public class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    record Message(UUID id, String recipient, String subject, String body, int attempts) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JavaMailSender sender;
    private final Clock clock;
    private final String from;
    private final int maxAttempts;
    private final Duration backoff;

    @Autowired
    MailOutbox(
            JdbcClient jdbc,
            TransactionTemplate tx,
            ObjectProvider<JavaMailSender> sender,
            Clock clock,
            @Value("${pallas.notifications.mail.from:pallas@localhost}") String from,
            @Value("${pallas.notifications.mail.max-attempts:6}") int maxAttempts,
            @Value("${pallas.notifications.mail.backoff:PT1M}") Duration backoff) {
        this(jdbc, tx, sender.getIfAvailable(), clock, from, maxAttempts, backoff);
    }

    MailOutbox(
            JdbcClient jdbc,
            TransactionTemplate tx,
            JavaMailSender sender,
            Clock clock,
            String from,
            int maxAttempts,
            Duration backoff) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.sender = sender;
        this.clock = clock;
        this.from = from;
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Scheduled(fixedDelayString = "${pallas.notifications.mail.dispatch-interval:PT30S}")
    void scheduled() {
        if (sender != null) {
            dispatch();
        }
    }

    /** Sends every due message; returns how many were sent. */
    public int dispatch() {
        if (sender == null) {
            return 0;
        }
        int sent = 0;
        while (true) {
            Boolean result = tx.execute(status -> sendOne());
            if (result == null) {
                return sent;
            }
            if (result) {
                sent++;
            }
        }
    }

    /** Sends the next due message: true if sent, false if it failed, null if none is due. */
    private Boolean sendOne() {
        Instant now = clock.instant();
        List<Message> due = jdbc.sql("""
                select id, recipient, subject, body, attempts from notification_outbox
                where status = 'PENDING' and next_attempt_at <= :now
                order by next_attempt_at, id limit 1 for update skip locked""")
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Message(
                        rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        if (due.isEmpty()) {
            return null;
        }
        Message m = due.get(0);
        try {
            SimpleMailMessage mail = new SimpleMailMessage();
            mail.setFrom(from);
            mail.setTo(m.recipient());
            mail.setSubject(m.subject());
            mail.setText(m.body());
            sender.send(mail);
            jdbc.sql(
                            "update notification_outbox set status = 'SENT', attempts = attempts + 1, sent_at = :at, last_error = null where id = :id")
                    .param("at", Timestamp.from(clock.instant()))
                    .param("id", m.id())
                    .update();
            return true;
        } catch (RuntimeException e) {
            int attempts = m.attempts() + 1;
            boolean give = attempts >= maxAttempts;
            Instant next = now.plus(backoff.multipliedBy(1L << Math.min(attempts - 1, 20)));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            jdbc.sql("""
                    update notification_outbox set attempts = :attempts, last_error = :error, next_attempt_at = :next,
                        status = :status where id = :id""")
                    .param("attempts", attempts)
                    .param("error", error.length() > 2000 ? error.substring(0, 2000) : error)
                    .param("next", Timestamp.from(next))
                    .param("status", give ? "FAILED" : "PENDING")
                    .param("id", m.id())
                    .update();
            log.warn(
                    "E-mail {} to {} failed (attempt {} of {}){}: {}",
                    m.id(),
                    m.recipient(),
                    attempts,
                    maxAttempts,
                    give ? ", giving up" : ", retrying at " + next,
                    error);
            return false;
        }
    }
}
