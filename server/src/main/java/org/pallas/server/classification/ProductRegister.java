package org.pallas.server.classification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The exporters' product register. An exporter registers and revises its own organisation's products
 * (each revision is a new version); the authority side and oversight read every product; nobody else
 * learns that a product exists (404). Each change is published as one {@link ClassificationChanged}.
 */
@Service
public class ProductRegister {

    static final int PAGE = 200;

    private final ProductRepository repository;
    private final ClassificationAssessments assessments;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;

    ProductRegister(
            ProductRepository repository,
            ClassificationAssessments assessments,
            ApplicationEventPublisher events,
            ReadLog readLog,
            Clock clock) {
        this.repository = repository;
        this.assessments = assessments;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
    }

    /** The product if the caller may see it; otherwise 404, whether or not it exists. */
    @Transactional
    public Product find(Caller caller, UUID id) {
        Product product = repository.find(caller, id).orElseThrow(() -> new NotFoundException("Product", id));
        readLog.record(caller, "product", id);
        return product;
    }

    @Transactional(readOnly = true)
    public List<Product> list(Caller caller) {
        return repository.list(caller, PAGE);
    }

    /** Visible products whose current name contains the text, case-insensitively, by name (first {@value #PAGE}). */
    @Transactional(readOnly = true)
    public List<Product> named(Caller caller, String text) {
        return repository.named(caller, text, PAGE);
    }

    /** Every version of a visible product, newest first. */
    @Transactional(readOnly = true)
    public List<ProductVersion> versions(Caller caller, UUID id) {
        repository.find(caller, id).orElseThrow(() -> new NotFoundException("Product", id));
        return repository.versions(id);
    }

    @Transactional(readOnly = true)
    public ProductVersion version(Caller caller, UUID id, int version) {
        repository.find(caller, id).orElseThrow(() -> new NotFoundException("Product", id));
        return repository
                .version(id, version)
                .orElseThrow(() -> new NotFoundException("Product version", id + "/" + version));
    }

    /** Registers a product of the caller's own organisation (EXPORTER); answers are validated and pruned. */
    @Transactional
    public Product register(Caller caller, ProductInput input) {
        requireExporter(caller);
        return registerAs(caller, UUID.randomUUID(), input);
    }

    /** For {@link #register} and the demo seed (fixed ids). */
    Product registerAs(Caller caller, UUID id, ProductInput input) {
        ProductInput in = checked(input);
        Instant now = now();
        repository.insert(id, caller.organisationId(), now);
        ProductVersion version =
                new ProductVersion(id, 1, in.name(), in.reference(), in.summary(), in.answers(), now, caller.userId());
        repository.insertVersion(version);
        events.publishEvent(
                change(ClassificationChanged.ProductRegistered::new, version, caller.organisationId(), caller, now));
        return repository.find(caller, id).orElseThrow();
    }

    /** Writes a new version of one of the caller's own products (EXPORTER of the owning organisation). */
    @Transactional
    public Product revise(Caller caller, UUID id, ProductInput input) {
        Product existing = repository.find(caller, id).orElseThrow(() -> new NotFoundException("Product", id));
        requireExporter(caller);
        if (!existing.organisationId().equals(caller.organisationId())) {
            throw new AccessDeniedException("Only the exporter that owns a product may change it.");
        }
        ProductInput in = checked(input);
        int next = repository.lockCurrentVersion(id) + 1;
        Instant now = now();
        ProductVersion version = new ProductVersion(
                id, next, in.name(), in.reference(), in.summary(), in.answers(), now, caller.userId());
        repository.insertVersion(version);
        events.publishEvent(
                change(ClassificationChanged.ProductRevised::new, version, existing.organisationId(), caller, now));
        return repository.find(caller, id).orElseThrow();
    }

    /** Normalised input whose answers are valid, without those to questions that do not apply. */
    private ProductInput checked(ProductInput input) {
        ProductInput in = input.normalised();
        ClassificationAssessments.Step step = assessments.assess(in.answers());
        return new ProductInput(
                in.name(), in.reference(), in.summary(), step.answers().asMap());
    }

    static void requireExporter(Caller caller) {
        if (!caller.isExporter() || !caller.hasRole(Role.EXPORTER)) {
            throw new AccessDeniedException("Only an exporter may register or change its products.");
        }
    }

    private static ClassificationChanged change(
            Function<RecordedChange.Facts, ClassificationChanged> event,
            ProductVersion v,
            UUID organisationId,
            Caller actor,
            Instant now) {
        return event.apply(new RecordedChange.Facts(
                v.productId().toString(),
                actor.userId(),
                now,
                Map.of("version", v.version(), "organisationId", organisationId.toString()),
                Map.of("name", v.name(), "answers", v.answers())));
    }

    /** PostgreSQL keeps microseconds; truncating here makes what a call returns equal what is stored. */
    private Instant now() {
        return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
