package org.pallas.licensing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The exporter's application: a draft that is saved by replacing it, then from submission a list of immutable
 * versions. An amendment adds a version and keeps the earlier ones. It changes only through its {@link Case}, which
 * authorises the actor and checks the case state.
 */
public final class Application {

    private final String applicationId;
    private final String organisationId;
    private final LicenceType type;
    private ApplicationDetails draft;
    private final List<ApplicationVersion> versions = new ArrayList<>();

    Application(String applicationId, String organisationId, LicenceType type, ApplicationDetails draft) {
        this.applicationId = applicationId;
        this.organisationId = organisationId;
        this.type = type;
        this.draft = draft == null ? ApplicationDetails.empty() : draft;
    }

    public String applicationId() {
        return applicationId;
    }

    public String organisationId() {
        return organisationId;
    }

    public LicenceType type() {
        return type;
    }

    /** The draft before submission; empty once submitted. */
    public Optional<ApplicationDetails> draft() {
        return Optional.ofNullable(draft);
    }

    public List<ApplicationVersion> versions() {
        return List.copyOf(versions);
    }

    /** The latest submitted version. */
    public ApplicationVersion current() {
        if (versions.isEmpty()) {
            throw new IllegalStateException("application " + applicationId + " has not been submitted");
        }
        return versions.get(versions.size() - 1);
    }

    /** What the exporter is working on: the draft before submission, the current version after. */
    public ApplicationDetails details() {
        return draft != null ? draft : current().details();
    }

    void saveDraft(ApplicationDetails details) {
        this.draft = details == null ? ApplicationDetails.empty() : details;
    }

    ApplicationVersion submit(ApplicationRules rules, String by, Instant at) {
        ApplicationVersion first = addVersion(rules, draft, by, at, "submitted");
        draft = null;
        return first;
    }

    ApplicationVersion amend(ApplicationRules rules, ApplicationDetails details, String by, Instant at, String reason) {
        return addVersion(rules, details, by, at, reason);
    }

    private ApplicationVersion addVersion(
            ApplicationRules rules, ApplicationDetails details, String by, Instant at, String reason) {
        List<FieldError> errors = rules.validate(type, details);
        if (!errors.isEmpty()) {
            throw new ApplicationInvalidException(errors);
        }
        ApplicationVersion version = new ApplicationVersion(versions.size() + 1, details, at, by, reason);
        versions.add(version);
        return version;
    }
}
