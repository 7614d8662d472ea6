package org.pallas.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations: who may see which (an exporter only its own; the authority side and oversight all),
 * and the administrator's changes, each published as one {@link IdentityChanged}.
 */
@Service
public class Organisations {

    static final int PAGE = 200;

    private final OrganisationRepository repository;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;

    Organisations(
            OrganisationRepository repository,
            UserRepository users,
            ApplicationEventPublisher events,
            ReadLog readLog,
            Clock clock) {
        this.repository = repository;
        this.users = users;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
    }

    /** The organisation if the caller may see it; otherwise 404, whether or not it exists. */
    @Transactional
    public Organisation find(Caller caller, UUID id) {
        Organisation organisation =
                repository.find(caller, id).orElseThrow(() -> new NotFoundException("Organisation", id));
        readLog.record(caller, "organisation", id);
        return organisation;
    }

    /** Visible organisations whose name contains the query (first {@value #PAGE}, by name). */
    @Transactional(readOnly = true)
    public List<Organisation> search(Caller caller, String query) {
        return repository.search(caller, query, PAGE);
    }

    @Transactional(readOnly = true)
    public long count(Caller caller, String query) {
        return repository.count(caller, query);
    }

    /** Members of a visible organisation. */
    @Transactional(readOnly = true)
    public long memberCount(Caller caller, UUID id) {
        repository.find(caller, id).orElseThrow(() -> new NotFoundException("Organisation", id));
        return users.countInOrganisation(id);
    }

    @Transactional
    public Organisation create(Caller caller, OrganisationInput input) {
        requireAdmin(caller);
        return createUnchecked(caller, input);
    }

    /** For the demo seed (actor: the system) and {@link #create}. */
    Organisation createUnchecked(Caller actor, OrganisationInput input) {
        OrganisationInput in = input.normalised();
        if (repository.nameTaken(in.name(), null)) {
            throw new InvalidInputException("name", "An organisation with this name already exists");
        }
        Instant now = clock.instant();
        Organisation organisation = new Organisation(UUID.randomUUID(), in.name(), in.kind(), in.country(), now, now);
        repository.insert(organisation);
        events.publishEvent(change(IdentityChanged.OrganisationCreated::new, organisation, actor, now));
        return organisation;
    }

    @Transactional
    public Organisation update(Caller caller, UUID id, OrganisationInput input) {
        requireAdmin(caller);
        Organisation existing =
                repository.find(caller, id).orElseThrow(() -> new NotFoundException("Organisation", id));
        OrganisationInput in = input.normalised();
        if (repository.nameTaken(in.name(), id)) {
            throw new InvalidInputException("name", "An organisation with this name already exists");
        }
        if (in.kind() != existing.kind() && users.countInOrganisation(id) > 0) {
            throw new InvalidInputException("kind", "The kind cannot change while the organisation has users");
        }
        Instant now = clock.instant();
        Organisation updated = new Organisation(id, in.name(), in.kind(), in.country(), existing.createdAt(), now);
        repository.update(updated);
        events.publishEvent(change(IdentityChanged.OrganisationUpdated::new, updated, caller, now));
        return updated;
    }

    private static IdentityChanged change(
            Function<RecordedChange.Facts, IdentityChanged> event, Organisation o, Caller actor, Instant now) {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("kind", o.kind().name());
        if (o.country() != null) {
            metadata.put("country", o.country());
        }
        // Exporters' names are public in export-licensing statistics; kept confidential here until the
        // transparency policy decides.
        return event.apply(new RecordedChange.Facts(
                o.id().toString(), actor == null ? null : actor.userId(), now, metadata, Map.of("name", o.name())));
    }

    static void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new AccessDeniedException("Only an administrator may do this.");
        }
    }
}
