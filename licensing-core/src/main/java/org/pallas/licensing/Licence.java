package org.pallas.licensing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An issued licence and its life: suspension and reinstatement (UK-SUSPEND), revocation, surrender, expiry by the
 * injected clock, and exhaustion when reported use reaches every capped quantity. Use beyond a cap, outside the
 * validity or after-sales period, or on a licence that is not in force is refused with a {@link RuleViolationException}.
 * Outside this package a licence changes only through {@link LicenceCommand#applyTo} (its transitions are
 * package-private), as a {@link Case} does through {@link CaseCommand}.
 */
public final class Licence {

    private final String licenceId;
    private final String caseId;
    private final String organisationId;
    private final LicenceType type;
    private final String caseOfficerId;
    private final List<Party> parties;
    private final Set<String> destinations;
    private final List<Product> products;
    private final List<String> conditions;
    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final LocalDate afterSalesUntil;
    private final Map<UsageKind, Long> allowed;
    private final List<ReportingDuty> reportingDuties;
    private final Clock clock;
    private final ZoneId zone;

    private final Map<UsageKind, Long> used = new EnumMap<>(UsageKind.class);
    private final List<UsageReport> usageReports = new ArrayList<>();
    private final List<ReviewFlag> reviewFlags = new ArrayList<>();
    private final List<LicenceEvent> history = new ArrayList<>();
    private LicenceStatus status = LicenceStatus.ISSUED;

    private Licence(
            String licenceId,
            Case source,
            List<String> conditions,
            LocalDate validFrom,
            List<ReportingDuty> reportingDuties,
            Clock clock) {
        ApplicationDetails details = source.application().current().details();
        QuantityModel q = details.quantities();
        this.licenceId = licenceId;
        this.caseId = source.caseId();
        this.organisationId = source.application().organisationId();
        this.type = source.application().type();
        this.caseOfficerId = source.caseOfficerId().orElseThrow();
        this.parties = details.parties();
        this.destinations = details.destinations();
        this.products = details.products();
        this.conditions = List.copyOf(conditions);
        this.validFrom = validFrom;
        this.validUntil = validFrom.plus(type.defaultValidity()).minusDays(1);
        LocalDate supportEnd = validFrom.plusMonths(q.updateAndSupportMonths()).minusDays(1);
        this.afterSalesUntil = supportEnd.isBefore(validUntil) ? supportEnd : validUntil;
        Map<UsageKind, Long> caps = new EnumMap<>(UsageKind.class);
        caps.put(UsageKind.DELIVERIES, (long) q.deployments());
        caps.put(UsageKind.SEATS_ACTIVATED, (long) q.seats());
        this.allowed = Collections.unmodifiableMap(caps);
        this.reportingDuties = List.copyOf(reportingDuties);
        this.clock = clock;
        this.zone = ServiceLevelClock.UK;
    }

    /**
     * Issues the licence for a case whose standing outcome is an approval: the decision's conditions at first
     * instance, the assessment's suggested conditions when approved on appeal. Validity follows the licence type;
     * quantities follow the application's quantity model (deployments cap deliveries, seats cap activations).
     */
    public static Licence issue(
            Actor actor,
            String licenceId,
            Case approved,
            LocalDate validFrom,
            List<ReportingDuty> reportingDuties,
            Clock clock) {
        actor.require("issue a licence", ActorRole.CASEWORKER);
        if (approved.standingOutcome().orElse(null) != Outcome.APPROVED) {
            throw new IllegalTransitionException("case " + approved.caseId() + " is " + approved.status()
                    + " with outcome "
                    + approved.standingOutcome().map(Enum::name).orElse("none")
                    + "; a licence is issued only for an approval");
        }
        boolean onAppeal = approved.status() == CaseStatus.APPEAL_DECIDED;
        Instant approvedAt = onAppeal
                ? approved.appeal().orElseThrow().decidedAt()
                : approved.decision().orElseThrow().decidedAt();
        if (validFrom.isBefore(approvedAt.atZone(ServiceLevelClock.UK).toLocalDate())) {
            throw new RuleViolationException(
                    "licence " + licenceId + " cannot be valid from " + validFrom + ", before the approval on "
                            + approvedAt.atZone(ServiceLevelClock.UK).toLocalDate());
        }
        List<String> conditions = onAppeal
                ? approved.routing().map(Routing::suggestedConditions).orElse(List.of())
                : approved.decision().orElseThrow().conditions();
        Licence licence = new Licence(
                Objects.requireNonNull(licenceId, "licenceId"),
                approved,
                conditions,
                validFrom,
                reportingDuties,
                clock);
        licence.record(
                actor,
                onAppeal ? "issued after appeal" : "issued",
                LicenceStatus.ISSUED,
                ch -> new LicenceEvent.LicenceIssued(ch, approved.caseId()));
        return licence;
    }

    // ---- exporter ---------------------------------------------------------------------------------------------

    /**
     * Records use. Deliveries and seat activations need a licence in force and stay within their caps; updates and
     * support sessions may continue on an exhausted licence until the after-sales period ends.
     */
    LicenceEvent.UsageReported reportUsage(
            Actor actor, UsageKind kind, long quantity, LocalDate occurredOn, String reference) {
        actor.requireExporterOf(organisationId, "report use of a licence");
        LocalDate today = today();
        if (quantity <= 0) {
            throw new IllegalArgumentException("reported quantity must be positive, was " + quantity);
        }
        if (occurredOn.isBefore(validFrom) || occurredOn.isAfter(today)) {
            throw new RuleViolationException("use on " + occurredOn + " cannot be reported on licence " + licenceId
                    + ": it must lie between " + validFrom + " and today (" + today + ")");
        }
        if (today.isAfter(validUntil) || occurredOn.isAfter(validUntil)) {
            throw new RuleViolationException(
                    "licence " + licenceId + " expired after " + validUntil + "; no further use");
        }
        boolean inForce = status == LicenceStatus.ISSUED || status == LicenceStatus.REINSTATED;
        boolean afterSalesOnExhausted = status == LicenceStatus.EXHAUSTED && kind.isAfterSales();
        if (!inForce && !afterSalesOnExhausted) {
            throw new RuleViolationException(
                    "licence " + licenceId + " is " + status + "; " + kind + " cannot be reported");
        }
        long total = used.getOrDefault(kind, 0L) + quantity;
        if (kind.isAfterSales()) {
            if (occurredOn.isAfter(afterSalesUntil)) {
                throw new RuleViolationException("licence " + licenceId + " allows updates and support until "
                        + afterSalesUntil + ", not on " + occurredOn);
            }
        } else if (total > allowed.get(kind)) {
            throw new RuleViolationException("licence " + licenceId + " allows " + allowed.get(kind) + " " + kind + "; "
                    + used.getOrDefault(kind, 0L) + " are used and " + quantity + " more would exceed it; use beyond"
                    + " the licensed quantity is refused");
        }
        used.put(kind, total);
        usageReports.add(new UsageReport(kind, quantity, occurredOn, reference, actor.id(), clock.instant()));
        LicenceStatus next = exhausted() ? LicenceStatus.EXHAUSTED : status;
        return record(
                actor,
                quantity + " " + kind + (reference == null ? "" : " (" + reference + ")"),
                next,
                ch -> new LicenceEvent.UsageReported(ch, kind, quantity, total));
    }

    LicenceEvent.LicenceSurrendered surrender(Actor actor, String reason) {
        actor.requireExporterOf(organisationId, "surrender a licence");
        requireLive("surrender");
        return record(actor, requireText(reason), LicenceStatus.SURRENDERED, LicenceEvent.LicenceSurrendered::new);
    }

    // ---- authority --------------------------------------------------------------------------------------------

    LicenceEvent.LicenceSuspended suspend(Actor actor, String reason) {
        actor.require("suspend a licence", ActorRole.CASEWORKER, ActorRole.SENIOR_OFFICER);
        if (status == LicenceStatus.SUSPENDED || !status.isLive()) {
            throw new IllegalTransitionException("licence " + licenceId + " is " + status + " and cannot be suspended");
        }
        return record(actor, requireText(reason), LicenceStatus.SUSPENDED, LicenceEvent.LicenceSuspended::new);
    }

    LicenceEvent.LicenceReinstated reinstate(Actor actor, String reason) {
        actor.require("reinstate a licence", ActorRole.SENIOR_OFFICER);
        if (status != LicenceStatus.SUSPENDED) {
            throw new IllegalTransitionException(
                    "licence " + licenceId + " is " + status + "; only a suspended licence is reinstated");
        }
        if (today().isAfter(validUntil)) {
            throw new RuleViolationException(
                    "licence " + licenceId + " expired after " + validUntil + " and cannot be reinstated");
        }
        LicenceStatus next = exhausted() ? LicenceStatus.EXHAUSTED : LicenceStatus.REINSTATED;
        return record(actor, requireText(reason), next, LicenceEvent.LicenceReinstated::new);
    }

    LicenceEvent.LicenceRevoked revoke(Actor actor, String reason) {
        actor.require("revoke a licence", ActorRole.SENIOR_OFFICER);
        requireLive("revoke");
        return record(actor, requireText(reason), LicenceStatus.REVOKED, LicenceEvent.LicenceRevoked::new);
    }

    /** The expiry sweep: a live licence past its last valid day becomes EXPIRED. */
    Optional<LicenceEvent.LicenceExpired> expireIfDue(Actor actor) {
        actor.require("expire licences", ActorRole.SYSTEM);
        if (!status.isLive() || !today().isAfter(validUntil)) {
            return Optional.empty();
        }
        return Optional.of(
                record(actor, "validity ended " + validUntil, LicenceStatus.EXPIRED, LicenceEvent.LicenceExpired::new));
    }

    /** Flags a live licence involving the party for the case officer's review. */
    LicenceEvent.LicenceFlaggedForReview flagForReview(
            Actor actor, ReviewReason reason, String partyId, String evidence) {
        actor.require("flag a licence for review", ActorRole.SYSTEM, ActorRole.CASEWORKER);
        requireLive("flag for review");
        if (!involves(partyId)) {
            throw new IllegalArgumentException("licence " + licenceId + " does not involve party " + partyId);
        }
        reviewFlags.add(new ReviewFlag(reason, partyId, requireText(evidence), actor.id(), clock.instant()));
        return record(
                actor,
                reason + " on party " + partyId,
                status,
                ch -> new LicenceEvent.LicenceFlaggedForReview(ch, reason, partyId, caseOfficerId));
    }

    LicenceEvent.ReviewFlagsCleared clearReviewFlags(Actor actor, String reason) {
        actor.require("clear review flags", ActorRole.CASEWORKER, ActorRole.SENIOR_OFFICER);
        if (reviewFlags.isEmpty()) {
            throw new IllegalTransitionException("licence " + licenceId + " has no review flags to clear");
        }
        reviewFlags.clear();
        return record(actor, requireText(reason), status, LicenceEvent.ReviewFlagsCleared::new);
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    public boolean involves(String partyId) {
        return parties.stream().anyMatch(p -> p.partyId().equals(partyId));
    }

    public String licenceId() {
        return licenceId;
    }

    public String caseId() {
        return caseId;
    }

    public String organisationId() {
        return organisationId;
    }

    public LicenceType type() {
        return type;
    }

    public String caseOfficerId() {
        return caseOfficerId;
    }

    public LicenceStatus status() {
        return status;
    }

    /** The first end user (or ultimate end user) the licence names. */
    public Optional<Party> endUser() {
        return parties.stream().filter(Party::isEndUser).findFirst();
    }

    public List<Party> parties() {
        return parties;
    }

    public Set<String> destinations() {
        return destinations;
    }

    public List<String> productIds() {
        return products.stream().map(Product::productId).toList();
    }

    /** The products the licence covers, with their control entries, as approved. */
    public List<Product> products() {
        return products;
    }

    public List<String> conditions() {
        return conditions;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    /** The last day the licence is valid. */
    public LocalDate validUntil() {
        return validUntil;
    }

    /** The last day updates may be pushed and support given. */
    public LocalDate afterSalesUntil() {
        return afterSalesUntil;
    }

    public Map<UsageKind, Long> allowed() {
        return allowed;
    }

    public long used(UsageKind kind) {
        return used.getOrDefault(kind, 0L);
    }

    public List<ReportingDuty> reportingDuties() {
        return reportingDuties;
    }

    public List<UsageReport> usageReports() {
        return List.copyOf(usageReports);
    }

    /** Regulator-only. */
    public List<ReviewFlag> reviewFlags() {
        return List.copyOf(reviewFlags);
    }

    public List<LicenceEvent> history() {
        return List.copyOf(history);
    }

    // ---- internals --------------------------------------------------------------------------------------------

    /** Exhausted when every capped kind with a positive cap is used up (a zero cap allows none of that kind). */
    private boolean exhausted() {
        return allowed.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .allMatch(e -> used(e.getKey()) >= e.getValue());
    }

    private LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    private void requireLive(String action) {
        if (!status.isLive()) {
            throw new IllegalTransitionException("cannot " + action + " licence " + licenceId + ": it is " + status);
        }
    }

    private static String requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a reason is required");
        }
        return text;
    }

    private <E extends LicenceEvent> E record(
            Actor actor, String reason, LicenceStatus next, Function<LicenceEvent.Change, E> event) {
        Instant now = clock.instant();
        E e = event.apply(new LicenceEvent.Change(licenceId, actor, now, reason, status, next));
        status = next;
        history.add(e);
        return e;
    }
}
