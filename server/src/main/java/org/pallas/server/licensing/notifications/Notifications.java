package org.pallas.server.licensing.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.licensing.LicensingChange;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Labels;
import org.pallas.server.platform.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications to users: in-app always (a list per user, unread count), and by e-mail when SMTP is configured
 * ({@code spring.mail.host}): an outbox row written in the same transaction as the change, sent later by
 * {@link MailOutbox} with retries. Licensing's recorded changes drive them: the exporter hears of decisions,
 * information requests and every change of a licence's status; the case officer hears of a live licence flagged
 * for review (regulator-only, never sent to the exporter).
 */
@Service
public class Notifications {

    private static final Labels LABELS = new Labels();

    record Notification(UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean mail;

    @Autowired
    Notifications(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> mailSender) {
        this(jdbc, clock, mailSender.getIfAvailable() != null);
    }

    Notifications(JdbcClient jdbc, Clock clock, boolean mail) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mail = mail;
    }

    // ---- reading -----------------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Notification> mine(Caller caller) {
        return jdbc.sql("""
                select id, kind, title, body, link, created_at, read_at from notification where user_id = :user
                order by created_at desc, id limit 200""")
                .param("user", caller.userId())
                .query((rs, n) -> new Notification(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public long unread(Caller caller) {
        return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
                .param("user", caller.userId()).query(Long.class).single();
    }

    /** Marks one of the caller's own notifications read; another user's is 404. */
    @Transactional
    public void markRead(Caller caller, UUID id) {
        int n = jdbc.sql("update notification set read_at = coalesce(read_at, :at) where id = :id and user_id = :user")
                .param("at", Timestamp.from(clock.instant())).param("id", id).param("user", caller.userId()).update();
        if (n == 0) {
            throw new NotFoundException("Notification", id);
        }
    }

    @Transactional
    public void markAllRead(Caller caller) {
        jdbc.sql("update notification set read_at = :at where user_id = :user and read_at is null")
                .param("at", Timestamp.from(clock.instant())).param("user", caller.userId()).update();
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Notifies one user in the caller's transaction; queues an e-mail when mail is configured and they have an address. */
    public void notifyUser(UUID userId, String kind, String title, String body, String link) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notification (id, user_id, kind, title, body, link, created_at)
                values (:id, :user, :kind, :title, :body, :link, :at)""")
                .param("id", id).param("user", userId).param("kind", kind).param("title", cut(title, 300))
                .param("body", cut(body, 4000)).param("link", link).param("at", Timestamp.from(now)).update();
        if (!mail) {
            return;
        }
        jdbc.sql("select email from app_user where id = :user and enabled and email is not null and email <> ''")
                .param("user", userId).query(String.class).optional()
                .ifPresent(email -> enqueue(id, email, title, body + (link == null ? "" : "\n\n" + link), now));
    }

    void enqueue(UUID notificationId, String recipient, String subject, String body, Instant now) {
        jdbc.sql("""
                insert into notification_outbox (id, notification_id, recipient, subject, body, status, attempts,
                    next_attempt_at, created_at)
                values (:id, :n, :to, :subject, :body, 'PENDING', 0, :at, :at)""")
                .param("id", UUID.randomUUID()).param("n", notificationId).param("to", recipient)
                .param("subject", cut("[Pallas] " + subject, 300)).param("body", cut(body, 8000))
                .param("at", Timestamp.from(now)).update();
    }

    private void notifyExporters(UUID organisationId, String kind, String title, String body, String link) {
        jdbc.sql("""
                select u.id from app_user u join user_role r on r.user_id = u.id
                where u.organisation_id = :org and r.role = 'EXPORTER' and u.enabled order by u.id""")
                .param("org", organisationId).query(UUID.class).list()
                .forEach(user -> notifyUser(user, kind, title, body, link));
    }

    /** Licensing's changes, in their transaction: a notification commits with the change it reports, or not at all. */
    @EventListener
    void onLicensingChange(LicensingChange change) {
        Map<String, Object> pub = change.publicMetadata();
        Object org = change.confidentialPayload().get("organisationId");
        if (org == null) {
            return;
        }
        UUID organisation = UUID.fromString(org.toString());
        String type = change.type();
        String caseLink = "/applications/" + change.subjectId();
        String licenceLink = "/licences/" + change.subjectId();
        switch (type) {
            case "licensing.case.case-finalised" -> notifyExporters(organisation, "decision",
                    "Decision on application " + pub.get("case") + ": " + word(pub.get("outcome")),
                    "The licensing authority has decided application " + pub.get("case") + ". Read the decision and its"
                            + " reasons in Pallas.", caseLink);
            case "licensing.case.appeal-decided" -> notifyExporters(organisation, "decision",
                    "Appeal decided on application " + pub.get("case"),
                    "The appeal on application " + pub.get("case") + " has been decided.", caseLink);
            case "licensing.case.information-requested" -> notifyExporters(organisation, "information-request",
                    "Information requested on application " + pub.get("case"),
                    "The licensing authority asks for more information on application " + pub.get("case") + ".", caseLink);
            case "licensing.licence.issued" -> notifyExporters(organisation, "licence",
                    "Licence " + pub.get("licence") + " issued",
                    "Licence " + pub.get("licence") + " is valid from " + pub.get("validFrom") + " to "
                            + pub.get("validUntil") + ".", licenceLink);
            case "licensing.licence.licence-flagged-for-review" -> {
                Object officer = change.confidentialPayload().get("notifyOfficerId");
                if (officer != null) {
                    notifyUser(UUID.fromString(officer.toString()), "licence-review",
                            "Licence " + pub.get("licence") + " flagged for review",
                            "Live licence " + pub.get("licence") + " (case " + pub.get("case") + ") was flagged for review: "
                                    + word(pub.get("reviewReason")) + ". Clear the flag with a reason, suspend or revoke.",
                            licenceLink);
                }
            }
            default -> {
                if (type.startsWith("licensing.licence.") && !String.valueOf(pub.get("from")).equals(pub.get("to"))) {
                    notifyExporters(organisation, "licence",
                            "Licence " + pub.get("licence") + " is now " + word(pub.get("to")),
                            "The status of licence " + pub.get("licence") + " changed from " + word(pub.get("from"))
                                    + " to " + word(pub.get("to")) + ".", licenceLink);
                }
            }
        }
    }

    /** A status or reason code as a word in a sentence: REVOKED reads "revoked". */
    private static String word(Object code) {
        return LABELS.of(code).toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
