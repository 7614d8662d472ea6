package org.pallas.server.classification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.pallas.classification.Classification;
import org.pallas.classification.reference.ControlEntry;
import org.pallas.classification.reference.Regime;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classification requests: an exporter sends a fully described product version to the authority with
 * the engine's proposal; a caseworker (or senior officer) confirms the proposal or amends it, with
 * reasons. The decided rating is what licensing reads ({@link ConfirmedRatings}). Each step is
 * published as one {@link ClassificationChanged}.
 */
@Service
public class ClassificationRequests implements ConfirmedRatings {

    static final int PAGE = 200;

    private final ClassificationRequestRepository repository;
    private final ProductRepository products;
    private final ClassificationAssessments assessments;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;

    ClassificationRequests(
            ClassificationRequestRepository repository,
            ProductRepository products,
            ClassificationAssessments assessments,
            ApplicationEventPublisher events,
            ReadLog readLog,
            Clock clock) {
        this.repository = repository;
        this.products = products;
        this.assessments = assessments;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
    }

    /** Sends the product's current version for classification (EXPORTER of the owning organisation). */
    @Transactional
    public ClassificationRequest submit(Caller caller, UUID productId, String note) {
        return submitAs(caller, UUID.randomUUID(), productId, note);
    }

    /** For {@link #submit} and the demo seed (fixed ids). */
    ClassificationRequest submitAs(Caller caller, UUID id, UUID productId, String note) {
        Product product =
                products.find(caller, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        ProductRegister.requireExporter(caller);
        if (!product.organisationId().equals(caller.organisationId())) {
            throw new AccessDeniedException("Only the exporter that owns a product may send it for classification.");
        }
        if (note != null && note.length() > 2000) {
            throw new InvalidInputException("note", "Note must be 2000 characters or fewer");
        }
        // Under the product's lock, so that a concurrent revision or request cannot slip in between.
        products.lockCurrentVersion(productId);
        product = products.find(caller, productId).orElseThrow();
        if (repository.hasOpen(productId)) {
            throw new InvalidInputException("product", "A classification request for this product is already open");
        }
        ClassificationAssessments.Step step = assessments.assess(product.answers());
        if (!step.complete()) {
            throw new InvalidInputException(
                    "answers",
                    "Answer every question that applies before sending the product for"
                            + " classification; still open: "
                            + String.join(
                                    ", ", step.next().stream().map(q -> q.id()).toList()));
        }
        Classification classification = step.classification();
        Instant now = now();
        ClassificationRequest request = new ClassificationRequest(
                id,
                productId,
                product.version(),
                product.organisationId(),
                RequestStatus.SUBMITTED,
                note == null || note.isBlank() ? null : note.strip(),
                Proposal.of(classification),
                classification.referenceDataVersion(),
                classification.referenceDataSha256(),
                now,
                caller.userId(),
                null,
                null,
                null,
                null);
        repository.insert(request);
        Map<String, Object> metadata = new LinkedHashMap<>(common(request));
        metadata.put("proposedRiskTier", request.proposal().riskTier());
        events.publishEvent(new ClassificationChanged.ClassificationRequested(new RecordedChange.Facts(
                request.id().toString(), caller.userId(), now, metadata, note(request.note()))));
        return request;
    }

    /** The request if the caller may see it; otherwise 404. */
    @Transactional
    public ClassificationRequest find(Caller caller, UUID id) {
        ClassificationRequest request =
                repository.find(caller, id).orElseThrow(() -> new NotFoundException("Classification request", id));
        readLog.record(caller, "classification-request", id);
        return request;
    }

    /** Visible requests (the authority: all; an exporter: its own), open first. */
    @Transactional(readOnly = true)
    public List<ClassificationRequest> list(Caller caller, boolean openOnly) {
        return repository.list(caller, openOnly, PAGE);
    }

    @Transactional(readOnly = true)
    public List<ClassificationRequest> forProduct(Caller caller, UUID productId) {
        products.find(caller, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        return repository.forProduct(productId);
    }

    /**
     * Confirms or amends an open request (CASEWORKER or SENIOR_OFFICER). Confirming takes the proposal as
     * it is and is refused while a regime still needs review; amending takes the rating decided, whose
     * entries must be entries of the reference data in that regime.
     */
    @Transactional
    public ClassificationRequest decide(Caller caller, UUID id, DecisionInput input) {
        repository.find(caller, id).orElseThrow(() -> new NotFoundException("Classification request", id));
        if (!caller.isAuthority() || !caller.hasAnyRole(Role.CASEWORKER, Role.SENIOR_OFFICER)) {
            throw new AccessDeniedException(
                    "Only a caseworker or senior officer of the licensing authority may decide a classification.");
        }
        ClassificationRequest open = repository
                .lockOpen(id)
                .orElseThrow(() -> new InvalidInputException("decision", "This request has already been decided"));
        if (input.decision() == null) {
            throw new InvalidInputException("decision", "Choose whether to confirm or amend the proposed rating");
        }
        if (input.reasons() == null || input.reasons().isBlank()) {
            throw new InvalidInputException("reasons", "Give the reasons for the decision");
        }
        Rating rating;
        RequestStatus status;
        if (input.decision() == DecisionInput.Kind.CONFIRM) {
            if (!open.proposal().decided()) {
                throw new InvalidInputException(
                        "decision",
                        "The proposal leaves a regime open (needs review); amend it with the rating you decide");
            }
            rating = open.proposal().asRating();
            status = RequestStatus.CONFIRMED;
        } else {
            rating = checkedRating(input.rating());
            status = RequestStatus.AMENDED;
        }
        Instant now = now();
        ClassificationRequest decided = new ClassificationRequest(
                open.id(),
                open.productId(),
                open.productVersion(),
                open.organisationId(),
                status,
                open.note(),
                open.proposal(),
                open.referenceDataVersion(),
                open.referenceDataSha256(),
                open.submittedAt(),
                open.submittedBy(),
                rating,
                input.reasons().strip(),
                now,
                caller.userId());
        repository.decide(decided);
        Map<String, Object> metadata = new LinkedHashMap<>(common(decided));
        rating.entries().forEach((regime, codes) -> metadata.put("entries" + regime.name(), String.join(",", codes)));
        metadata.put("riskTier", rating.riskTier());
        RecordedChange.Facts facts = new RecordedChange.Facts(
                id.toString(), caller.userId(), now, metadata, Map.of("reasons", decided.decisionReasons()));
        events.publishEvent(
                status == RequestStatus.CONFIRMED
                        ? new ClassificationChanged.ClassificationConfirmed(facts)
                        : new ClassificationChanged.ClassificationAmended(facts));
        return decided;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<ConfirmedRating> latest(Caller caller, UUID productId) {
        products.find(caller, productId).orElseThrow(() -> new NotFoundException("Product", productId));
        return repository
                .latestDecided(productId)
                .map(r -> new ConfirmedRating(
                        r.productId(),
                        r.productVersion(),
                        r.id(),
                        r.status(),
                        r.rating(),
                        r.referenceDataVersion(),
                        r.decidedAt()));
    }

    /** An amended rating: every regime given, known entries of that regime only, tier 1 to 4. */
    private Rating checkedRating(Rating rating) {
        if (rating == null) {
            throw new InvalidInputException(
                    "rating", "Give the rating you decide: the entries per regime and the risk tier");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Map<Regime, List<String>> entries = new EnumMap<>(Regime.class);
        for (Regime regime : Regime.values()) {
            List<String> codes = rating.entries().get(regime);
            if (codes == null) {
                problems.add(new FieldProblem(
                        "entries" + regime.name(), "Give the " + regime.name() + " entries (none for not controlled)"));
                continue;
            }
            List<String> clean = codes.stream()
                    .map(String::strip)
                    .filter(c -> !c.isEmpty())
                    .distinct()
                    .toList();
            for (String code : clean) {
                boolean known = assessments.referenceData().entries().stream()
                        .anyMatch(e -> e.code().equals(code) && e.regimes().contains(regime));
                if (!known) {
                    problems.add(new FieldProblem(
                            "entries" + regime.name(),
                            "'" + code + "' is not a " + regime.name() + " entry of the reference data; use one of "
                                    + codes(regime)));
                }
            }
            entries.put(regime, clean);
        }
        if (rating.riskTier() < 1 || rating.riskTier() > 4) {
            problems.add(new FieldProblem("riskTier", "The risk tier must be 1 to 4"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Rating(entries, rating.riskTier());
    }

    private List<String> codes(Regime regime) {
        return assessments.referenceData().entries().stream()
                .filter(e -> e.regimes().contains(regime))
                .map(ControlEntry::code)
                .toList();
    }

    private static Map<String, Object> common(ClassificationRequest r) {
        return Map.of(
                "productId",
                r.productId().toString(),
                "productVersion",
                r.productVersion(),
                "organisationId",
                r.organisationId().toString(),
                "referenceDataVersion",
                r.referenceDataVersion());
    }

    private static Map<String, Object> note(String note) {
        return note == null ? Map.of() : Map.of("note", note);
    }

    /** PostgreSQL keeps microseconds; truncating here makes what a call returns equal what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
