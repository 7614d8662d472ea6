package org.pallas.server.licensing.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.pallas.server.ledger.TamperDetected;
import org.pallas.server.licensing.LicensingChanged;
import org.pallas.server.platform.AfterCommitListener;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Labels;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.UnreadNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifications to users: in-app always (a list per user, unread count), and by e-mail when SMTP is configured
 * ({@code spring.mail.host}): an outbox row written with the notification, sent later by
 * {@link MailOutbox} with retries. Licensing's recorded changes drive them: the exporter hears of decisions,
 * information requests and every change of a licence's status, each with the reason given; advisers hear when
 * their team is asked for advice, senior officers when a decision waits for countersignature or an appeal for an
 * officer, and the case officer of answers (the applicant's, an adviser's), of a decision sent back and of a live
 * licence flagged for review (regulator-only, never sent to the exporter). Administrators, auditors and oversight
 * hear when the ledger integrity check finds tampering ({@link TamperDetected}).
 */
@Service
public class Notifications implements UnreadNotices {

    private static final Labels LABELS = new Labels();

    record Notification(
            UUID id, String kind, String title, String body, String link, Instant createdAt, Instant readAt) {
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
                .query((rs, n) -> new Notification(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    @Override
    public String path() {
        return "/notifications";
    }

    @Override
    @Transactional(readOnly = true)
    public long unread(Caller caller) {
        return jdbc.sql("select count(*) from notification where user_id = :user and read_at is null")
                .param("user", caller.userId())
                .query(Long.class)
                .single();
    }

    /** Marks one of the caller's own notifications read; another user's is 404. */
    @Transactional
    public void markRead(Caller caller, UUID id) {
        int n = jdbc.sql("update notification set read_at = coalesce(read_at, :at) where id = :id and user_id = :user")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .param("user", caller.userId())
                .update();
        if (n == 0) {
            throw new NotFoundException("Notification", id);
        }
    }

    @Transactional
    public void markAllRead(Caller caller) {
        jdbc.sql("update notification set read_at = :at where user_id = :user and read_at is null")
                .param("at", Timestamp.from(clock.instant()))
                .param("user", caller.userId())
                .update();
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /** Notifies one user in the caller's transaction; queues an e-mail when mail is configured and they have an address. */
    public void notifyUser(UUID userId, String kind, String title, String body, String link) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into notification (id, user_id, kind, title, body, link, created_at)
                values (:id, :user, :kind, :title, :body, :link, :at)""")
                .param("id", id)
                .param("user", userId)
                .param("kind", kind)
                .param("title", cut(title, 300))
                .param("body", cut(body, 4000))
                .param("link", link)
                .param("at", Timestamp.from(now))
                .update();
        if (!mail) {
            return;
        }
        jdbc.sql("select email from app_user where id = :user and enabled and email is not null and email <> ''")
                .param("user", userId)
                .query(String.class)
                .optional()
                .ifPresent(email -> enqueue(id, email, title, body + (link == null ? "" : "\n\n" + link), now));
    }

    void enqueue(UUID notificationId, String recipient, String subject, String body, Instant now) {
        jdbc.sql("""
                insert into notification_outbox (id, notification_id, recipient, subject, body, status, attempts,
                    next_attempt_at, created_at)
                values (:id, :n, :to, :subject, :body, 'PENDING', 0, :at, :at)""")
                .param("id", UUID.randomUUID())
                .param("n", notificationId)
                .param("to", recipient)
                .param("subject", cut("[Pallas] " + subject, 300))
                .param("body", cut(body, 8000))
                .param("at", Timestamp.from(now))
                .update();
    }

    private void notifyExporters(UUID organisationId, String kind, String title, String body, String link) {
        jdbc.sql("""
                select u.id from app_user u join user_role r on r.user_id = u.id
                where u.organisation_id = :org and r.role = 'EXPORTER' and u.enabled order by u.id""")
                .param("org", organisationId)
                .query(UUID.class)
                .list()
                .forEach(user -> notifyUser(user, kind, title, body, link));
    }

    /** Enabled users of the licensing authority with the role, except the one named (four eyes). */
    private void notifyAuthority(String role, String except, String kind, String title, String body, String link) {
        jdbc.sql("""
                select u.id from app_user u join user_role r on r.user_id = u.id
                join organisation o on o.id = u.organisation_id
                where o.kind = 'LICENSING_AUTHORITY' and r.role = :role and u.enabled order by u.id""").param("role", role).query(UUID.class).list().stream()
                .filter(user -> !user.toString().equals(except))
                .forEach(user -> notifyUser(user, kind, title, body, link));
    }

    /** Enabled advisers of the team in an advisory department. */
    private void notifyAdvisers(String team, String kind, String title, String body, String link) {
        jdbc.sql("""
                select u.id from app_user u join user_role r on r.user_id = u.id
                join organisation o on o.id = u.organisation_id
                where o.kind = 'ADVISORY_DEPARTMENT' and r.role = 'ADVISER' and u.team = :team and u.enabled
                order by u.id""")
                .param("team", team)
                .query(UUID.class)
                .list()
                .forEach(user -> notifyUser(user, kind, title, body, link));
    }

    // ---- tamper evidence ------------------------------------------------------------------------------------------

    /**
     * The ledger integrity check found something new: every enabled administrator, auditor and oversight user hears
     * of it (how many records, of which kinds; the details are on the integrity page for them alone).
     */
    @AfterCommitListener
    void onTamperDetected(TamperDetected tamper) {
        String title = "Ledger integrity check found " + tamper.discrepancies() + " discrepanc"
                + (tamper.discrepancies() == 1 ? "y" : "ies");
        String body = "The " + tamper.kind().name().toLowerCase(Locale.ROOT) + " ledger integrity check at "
                + tamper.detectedAt() + " found records that disagree with the accountability ledger (newly: "
                + String.join(", ", tamper.subjectTypes()) + "). Something was changed outside Pallas. The"
                + " integrity page names each record and what disagrees.";
        jdbc.sql("""
                select distinct u.id from app_user u join user_role r on r.user_id = u.id
                where r.role in ('ADMIN', 'AUDITOR', 'OVERSIGHT') and u.enabled order by u.id""").query(UUID.class).list().forEach(user -> notifyUser(user, "tamper", title, body, "/integrity"));
    }

    // ---- the authority's work: advisers, senior officers, case officers -------------------------------------------
    // Regulator-only notices (they may quote reasons and answers); the exporter never receives them.

    @AfterCommitListener
    void onAdviceRequested(LicensingChanged.AdviceRequested asked) {
        for (String team : asked.teams()) {
            notifyAdvisers(
                    team,
                    "advice-request",
                    "Advice requested on case " + asked.caseReference(),
                    "The " + word(team) + " team is asked for advice on case " + asked.caseReference() + ": "
                            + asked.reason(),
                    authorityLink(asked));
        }
    }

    @AfterCommitListener
    void onDecisionProposed(LicensingChanged.DecisionProposed proposed) {
        if (!proposed.awaitsCountersignature()) {
            return;
        }
        notifyAuthority(
                "SENIOR_OFFICER",
                proposed.decidedBy(),
                "countersignature",
                "Countersignature waits on case " + proposed.caseReference(),
                "A decision to " + (proposed.outcome() == null ? "decide" : word(proposed.outcome()))
                        + " case " + proposed.caseReference() + " waits for a senior officer's countersignature"
                        + " (not the officer who decided): " + proposed.reason(),
                authorityLink(proposed));
    }

    @AfterCommitListener
    void onCountersignatureRefused(LicensingChanged.CountersignatureRefused refused) {
        notifyCaseOfficer(
                refused,
                "countersignature",
                "Decision sent back on case " + refused.caseReference(),
                "A senior officer sent the decision on case " + refused.caseReference() + " back: " + refused.reason());
    }

    @AfterCommitListener
    void onInformationProvided(LicensingChanged.InformationProvided answered) {
        notifyCaseOfficer(
                answered,
                "answer",
                "The applicant answered on case " + answered.caseReference(),
                "The applicant answered the information request on case " + answered.caseReference()
                        + "; the service-level clock runs again. Answer: "
                        + answered.confidentialPayload().getOrDefault("answer", answered.reason()));
    }

    @AfterCommitListener
    void onAdviceGiven(LicensingChanged.AdviceGiven given) {
        notifyCaseOfficer(
                given,
                "answer",
                "Advice given on case " + given.caseReference(),
                "An adviser gave their team's advice on case " + given.caseReference() + ": " + given.reason());
    }

    @AfterCommitListener
    void onInternalNoteAdded(LicensingChanged.InternalNoteAdded note) {
        if (note.fromRescreening()) {
            notifyCaseOfficer(
                    note,
                    "screening",
                    "New screening match on case " + note.caseReference(),
                    "Re-screening against an updated list newly matches a party of case " + note.caseReference()
                            + ", which is still open: the case's internal notes name the party and the entry. Review"
                            + " the match before deciding.");
        }
    }

    @AfterCommitListener
    void onAppealLodged(LicensingChanged.AppealLodged lodged) {
        notifyAuthority(
                "SENIOR_OFFICER",
                null,
                "appeal",
                "Appeal lodged on case " + lodged.caseReference(),
                "The applicant appealed the refusal of case " + lodged.caseReference() + ". Assign it to an officer"
                        + " who neither made nor countersigned the refusal. Grounds: " + lodged.reason(),
                authorityLink(lodged));
    }

    private void notifyCaseOfficer(LicensingChanged.CaseChanged change, String kind, String title, String body) {
        UUID officer = change.caseOfficerToNotify();
        if (officer != null && !officer.toString().equals(change.actorId())) {
            notifyUser(officer, kind, title, body, authorityLink(change));
        }
    }

    private static String authorityLink(LicensingChanged.CaseChanged change) {
        return "/cases/" + change.subjectId();
    }

    // ---- licensing's changes ------------------------------------------------------------------------------------
    // After the change commits, each in a transaction of its own: a notice that fails is redelivered from the event
    // publication registry, and never undoes the decision it reports.

    @AfterCommitListener
    void onFinalised(LicensingChanged.CaseFinalised decided) {
        notifyExporters(
                decided.organisationId(),
                "decision",
                "Decision on application " + decided.caseReference() + ": " + word(decided.outcome()),
                "The licensing authority has decided application " + decided.caseReference() + ": "
                        + word(decided.outcome()) + ". Reasons: " + decided.decisionReasons(),
                caseLink(decided));
    }

    @AfterCommitListener
    void onAppealDecided(LicensingChanged.AppealDecided decided) {
        notifyExporters(
                decided.organisationId(),
                "decision",
                "Appeal decided on application " + decided.caseReference(),
                "The appeal on application " + decided.caseReference() + " has been decided: "
                        + (decided.outcome() == null ? "decided" : word(decided.outcome())) + ". Reasons: "
                        + decided.reason(),
                caseLink(decided));
    }

    @AfterCommitListener
    void onInformationRequested(LicensingChanged.InformationRequested requested) {
        notifyExporters(
                requested.organisationId(),
                "information-request",
                "Information requested on application " + requested.caseReference(),
                "The licensing authority asks for more information on application " + requested.caseReference() + ": "
                        + requested.reason(),
                caseLink(requested));
    }

    @AfterCommitListener
    void onIssued(LicensingChanged.LicenceIssued issued) {
        notifyExporters(
                issued.organisationId(),
                "licence",
                "Licence " + issued.licenceReference() + " issued",
                "Licence " + issued.licenceReference() + " is valid from " + issued.validFrom() + " to "
                        + issued.validUntil() + ".",
                licenceLink(issued));
    }

    /** Regulator-only: the case officer hears of it, never the exporter. */
    @AfterCommitListener
    void onFlaggedForReview(LicensingChanged.LicenceFlaggedForReview flagged) {
        if (flagged.officerToNotify() != null) {
            notifyUser(
                    flagged.officerToNotify(),
                    "licence-review",
                    "Licence " + flagged.licenceReference() + " flagged for review",
                    "Live licence " + flagged.licenceReference() + " (case " + flagged.caseReference() + ") was flagged"
                            + " for review: " + word(flagged.reviewReason())
                            + ". Clear the flag with a reason, suspend or revoke.",
                    licenceLink(flagged));
        }
    }

    /** Every other change of a licence's status (issuing and review flags have their own notices). */
    @AfterCommitListener
    void onLicenceStatusChange(LicensingChanged.LicenceChanged change) {
        if (change instanceof LicensingChanged.LicenceIssued
                || change instanceof LicensingChanged.LicenceFlaggedForReview
                || !change.statusChanged()) {
            return;
        }
        notifyExporters(
                change.organisationId(),
                "licence",
                "Licence " + change.licenceReference() + " is now " + word(change.to()),
                "The status of licence " + change.licenceReference() + " changed from " + word(change.from()) + " to "
                        + word(change.to()) + ". Reason: " + licenceReason(change),
                licenceLink(change));
    }

    private static String licenceReason(LicensingChanged.LicenceChanged change) {
        Object reason = change.confidentialPayload().get("reason");
        return reason == null || reason.toString().isBlank() ? "none given" : reason.toString();
    }

    private static String caseLink(LicensingChanged.CaseChanged change) {
        return "/applications/" + change.subjectId();
    }

    private static String licenceLink(LicensingChanged.LicenceChanged change) {
        return "/licences/" + change.subjectId();
    }

    /** A status or reason code as a word in a sentence: REVOKED reads "revoked". */
    private static String word(Object code) {
        return LABELS.of(code).toLowerCase(Locale.ROOT);
    }

    private static String cut(String s, int max) {
        return s.length() > max ? s.substring(0, max) : s;
    }
}
