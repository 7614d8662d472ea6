package org.pallas.server.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.InvalidInputException.FieldProblem;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.ReadLog;
import org.pallas.server.platform.RecordedChange;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Users: reads scoped to the caller, administrator changes, and a user's own password change. */
@Service
public class Users {

    private final UserRepository repository;
    private final OrganisationRepository organisations;
    private final PasswordEncoder encoder;
    private final ApplicationEventPublisher events;
    private final ReadLog readLog;
    private final Clock clock;
    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    Users(
            UserRepository repository,
            OrganisationRepository organisations,
            PasswordEncoder encoder,
            ApplicationEventPublisher events,
            ReadLog readLog,
            Clock clock,
            ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.repository = repository;
        this.organisations = organisations;
        this.encoder = encoder;
        this.events = events;
        this.readLog = readLog;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Transactional
    public UserAccount find(Caller caller, UUID id) {
        UserAccount user = repository.find(caller, id).orElseThrow(() -> new NotFoundException("User", id));
        readLog.record(caller, "user", id);
        return user;
    }

    /** Members of an organisation the caller may see; 404 for any other. */
    @Transactional
    public List<UserAccount> inOrganisation(Caller caller, UUID organisationId) {
        organisations
                .find(caller, organisationId)
                .orElseThrow(() -> new NotFoundException("Organisation", organisationId));
        readLog.record(caller, "organisation-members", organisationId);
        return repository.inOrganisation(caller, organisationId);
    }

    @Transactional
    public UserAccount create(Caller caller, UserInput input) {
        Organisations.requireAdmin(caller);
        return createUnchecked(caller, input);
    }

    /** For the demo seed (actor: the system) and {@link #create}. */
    UserAccount createUnchecked(Caller actor, UserInput input) {
        Organisation organisation = organisations
                .findUnscoped(input.organisationId())
                .orElseThrow(() -> new InvalidInputException("organisationId", "No such organisation"));
        Set<Role> roles = input.roles() == null ? Set.of() : input.roles();
        List<FieldProblem> problems = new ArrayList<>();
        if (repository.usernameTaken(input.username())) {
            problems.add(new FieldProblem("username", "This username is already taken"));
        }
        String email = blankToNull(input.email());
        if (repository.emailTaken(email, null)) {
            problems.add(new FieldProblem("email", "Another user has this e-mail address"));
        }
        problems.addAll(roleProblems(organisation.kind(), roles, input.team()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        UserAccount user = new UserAccount(
                UUID.randomUUID(),
                organisation.id(),
                input.username().strip(),
                input.displayName().strip(),
                email,
                input.team(),
                true,
                roles,
                now);
        repository.insert(user, encoder.encode(input.password()), now);
        events.publishEvent(change(
                IdentityChanged.UserCreated::new,
                user.id(),
                actor,
                now,
                Map.of("organisationId", organisation.id().toString(), "roles", sorted(roles)),
                Map.of("username", user.username(), "displayName", user.displayName())));
        return user;
    }

    @Transactional
    public UserAccount update(Caller caller, UUID id, UserChange change) {
        Organisations.requireAdmin(caller);
        UserAccount user = repository.find(caller, id).orElseThrow(() -> new NotFoundException("User", id));
        Organisation organisation =
                organisations.findUnscoped(user.organisationId()).orElseThrow();
        List<FieldProblem> problems = new ArrayList<>();
        String email = blankToNull(change.email());
        if (repository.emailTaken(email, id)) {
            problems.add(new FieldProblem("email", "Another user has this e-mail address"));
        }
        problems.addAll(roleProblems(organisation.kind(), user.roles(), change.team()));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        repository.update(id, change.displayName().strip(), email, change.team(), now);
        events.publishEvent(change(
                IdentityChanged.UserUpdated::new,
                id,
                caller,
                now,
                Map.of(),
                Map.of("displayName", change.displayName().strip())));
        return repository.find(caller, id).orElseThrow();
    }

    @Transactional
    public UserAccount changeRoles(Caller caller, UUID id, Set<Role> roles) {
        Organisations.requireAdmin(caller);
        UserAccount user = repository.find(caller, id).orElseThrow(() -> new NotFoundException("User", id));
        Organisation organisation =
                organisations.findUnscoped(user.organisationId()).orElseThrow();
        Set<Role> wanted = roles == null ? Set.of() : roles;
        List<FieldProblem> problems = new ArrayList<>(roleProblems(organisation.kind(), wanted, user.team()));
        if (id.equals(caller.userId()) && !wanted.contains(Role.ADMIN)) {
            problems.add(new FieldProblem("roles", "You cannot remove your own administrator role"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        repository.setRoles(id, wanted);
        events.publishEvent(change(
                IdentityChanged.UserRolesChanged::new,
                id,
                caller,
                now,
                Map.of("from", sorted(user.roles()), "to", sorted(wanted)),
                Map.of()));
        endSessions(user.username());
        return repository.find(caller, id).orElseThrow();
    }

    @Transactional
    public UserAccount setEnabled(Caller caller, UUID id, boolean enabled) {
        Organisations.requireAdmin(caller);
        UserAccount user = repository.find(caller, id).orElseThrow(() -> new NotFoundException("User", id));
        if (id.equals(caller.userId()) && !enabled) {
            throw new InvalidInputException("enabled", "You cannot disable your own account");
        }
        if (user.enabled() == enabled) {
            return user;
        }
        Instant now = clock.instant();
        repository.setEnabled(id, enabled, now);
        events.publishEvent(change(
                enabled ? IdentityChanged.UserEnabled::new : IdentityChanged.UserDisabled::new,
                id,
                caller,
                now,
                Map.of(),
                Map.of()));
        if (!enabled) {
            endSessions(user.username());
        }
        return repository.find(caller, id).orElseThrow();
    }

    /**
     * Remembers the OIDC subject {@code subject} of the user at their first single sign-on (nothing when one is
     * already linked). The user is the actor: they proved the identity at the provider.
     */
    @Transactional
    public void linkOidcSubject(UUID id, String subject) {
        if (repository.setOidcSubject(id, subject)) {
            String provider = subject.substring(0, Math.max(0, subject.indexOf(':')));
            events.publishEvent(new IdentityChanged.SingleSignOnLinked(new RecordedChange.Facts(
                    id.toString(), id, clock.instant(), Map.of("provider", provider), Map.of("subject", subject))));
        }
    }

    /** The caller changes their own password, proving the current one. */
    @Transactional
    public void changePassword(Caller caller, String current, String replacement) {
        String hash = repository.passwordHash(caller.userId()).orElse(null);
        if (hash == null || current == null || !encoder.matches(current, hash)) {
            throw new InvalidInputException("currentPassword", "The current password is incorrect");
        }
        if (replacement == null || replacement.length() < 12 || replacement.length() > 128) {
            throw new InvalidInputException("newPassword", "The new password must be 12 to 128 characters");
        }
        Instant now = clock.instant();
        repository.setPasswordHash(caller.userId(), encoder.encode(replacement), now);
        events.publishEvent(
                change(IdentityChanged.PasswordChanged::new, caller.userId(), caller, now, Map.of(), Map.of()));
    }

    static List<FieldProblem> roleProblems(OrganisationKind kind, Set<Role> roles, AdviserTeam team) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Role> allowed = RoleRules.allowed(kind);
        Set<Role> refused = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        refused.removeAll(allowed);
        if (!refused.isEmpty()) {
            problems.add(new FieldProblem(
                    "roles",
                    "A member of an organisation of kind " + kind.label() + " cannot hold " + sorted(refused)
                            + "; allowed: " + sorted(allowed)));
        }
        if (roles.contains(Role.ADVISER) && team == null) {
            problems.add(new FieldProblem("team", "An adviser needs a team"));
        }
        if (!roles.contains(Role.ADVISER) && team != null) {
            problems.add(new FieldProblem("team", "Only advisers have a team"));
        }
        return problems;
    }

    private void endSessions(String username) {
        FindByIndexNameSessionRepository<?> repo = sessions.getIfAvailable();
        if (repo != null) {
            repo.findByPrincipalName(username).keySet().forEach(repo::deleteById);
        }
    }

    private static List<String> sorted(Set<Role> roles) {
        return new TreeSet<>(roles.stream().map(Role::name).toList()).stream().toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static IdentityChanged change(
            Function<RecordedChange.Facts, IdentityChanged> event,
            UUID userId,
            Caller actor,
            Instant now,
            Map<String, Object> metadata,
            Map<String, Object> confidential) {
        return event.apply(new RecordedChange.Facts(
                userId.toString(), actor == null ? null : actor.userId(), now, metadata, confidential));
    }
}
