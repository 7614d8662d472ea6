package org.pallas.server.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The identity JSON API: tokens, the current caller, organisations and users. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Identity", description = "Access tokens, the current caller, organisations and users")
class IdentityApi {

    private final AccessTokens tokens;
    private final Organisations organisations;
    private final Users users;
    private final SignIn signIn;
    private final Clock clock;

    IdentityApi(AccessTokens tokens, Organisations organisations, Users users, SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
        this.tokens = tokens;
        this.organisations = organisations;
        this.users = users;
    }

    record TokenRequest(
            @NotBlank(message = "Enter your username")
            @Size(max = 100, message = "Username must be 100 characters or fewer")
            String username,

            @NotBlank(message = "Enter your password")
            @Size(max = 128, message = "Password must be 128 characters or fewer")
            String password,

            @Size(max = 100, message = "Token name must be 100 characters or fewer")
            String name) {}

    record Me(
            UUID userId,
            String username,
            String displayName,
            UUID organisationId,
            String organisationName,
            OrganisationKind organisationKind,
            Set<Role> roles,
            AdviserTeam team) {}

    record OrganisationList(long count, List<Organisation> items) {}

    record RolesRequest(
            @NotNull(message = "List the roles (may be empty)")
            Set<Role> roles) {}

    record EnabledRequest(
            @NotNull(message = "Say whether the account is enabled")
            Boolean enabled) {}

    record PasswordRequest(
            @NotBlank(message = "Enter your current password")
            String currentPassword,

            @NotBlank(message = "Enter a new password")
            @Size(min = 12, max = 128, message = "The new password must be 12 to 128 characters")
            String newPassword) {}

    @PostMapping(path = "/tokens", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Exchange username and password for a personal access token (shown once)")
    AccessTokens.IssuedToken issueToken(
            @Valid @RequestBody TokenRequest request, HttpServletRequest http, HttpServletResponse response) {
        SignIn.SignedIn signedIn = signIn.verify(request.username(), request.password(), SignInSource.of(http));
        signIn.rememberDevice(http, response, signedIn);
        return tokens.issue(signedIn.caller(), request.name());
    }

    @GetMapping("/tokens")
    @Operation(summary = "Your tokens (never the secrets)")
    List<TokenInfo> myTokens() {
        return tokens.list(Caller.current());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your tokens")
    void revokeToken(@PathVariable UUID id) {
        tokens.revoke(Caller.current(), id);
    }

    @GetMapping("/me")
    @Operation(summary = "Who you are: user, organisation and roles")
    Me me() {
        Caller c = Caller.current();
        return new Me(
                c.userId(),
                c.username(),
                c.displayName(),
                c.organisationId(),
                c.organisationName(),
                c.organisationKind(),
                c.roles(),
                c.team());
    }

    @PutMapping(path = "/me/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your password")
    void changePassword(@Valid @RequestBody PasswordRequest request) {
        users.changePassword(Caller.current(), request.currentPassword(), request.newPassword());
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations you may see (an exporter: its own), optionally filtered by name")
    OrganisationList listOrganisations(@RequestParam(name = "q", defaultValue = "") String q) {
        Caller caller = Caller.current();
        return new OrganisationList(organisations.count(caller, q), organisations.search(caller, q));
    }

    @GetMapping("/organisations/{id}")
    @Operation(summary = "An organisation you may see; 404 otherwise")
    Organisation organisation(@PathVariable UUID id) {
        return organisations.find(Caller.current(), id);
    }

    @PostMapping(path = "/organisations", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organisation (ADMIN)")
    ResponseEntity<Organisation> createOrganisation(@Valid @RequestBody OrganisationInput input) {
        Organisation created = organisations.create(Caller.current(), input);
        return ResponseEntity.created(URI.create("/api/v1/organisations/" + created.id()))
                .body(created);
    }

    @PutMapping(path = "/organisations/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change an organisation (ADMIN)")
    Organisation updateOrganisation(@PathVariable UUID id, @Valid @RequestBody OrganisationInput input) {
        return organisations.update(Caller.current(), id, input);
    }

    @GetMapping("/organisations/{id}/users")
    @Operation(summary = "Members of an organisation you may see")
    List<UserAccount> members(@PathVariable UUID id) {
        return users.inOrganisation(Caller.current(), id);
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "A user you may see; 404 otherwise")
    UserAccount user(@PathVariable UUID id) {
        return users.find(Caller.current(), id);
    }

    @PostMapping(path = "/users", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user (ADMIN)")
    ResponseEntity<UserAccount> createUser(@Valid @RequestBody UserInput input) {
        UserAccount created = users.create(Caller.current(), input);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id()))
                .body(created);
    }

    @PutMapping(path = "/users/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a user's details (ADMIN)")
    UserAccount updateUser(@PathVariable UUID id, @Valid @RequestBody UserChange change) {
        return users.update(Caller.current(), id, change);
    }

    @PutMapping(path = "/users/{id}/roles", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replace a user's roles (ADMIN)")
    UserAccount changeRoles(@PathVariable UUID id, @Valid @RequestBody RolesRequest request) {
        return users.changeRoles(Caller.current(), id, request.roles());
    }

    @PutMapping(path = "/users/{id}/enabled", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Enable or disable a user (ADMIN); disabling ends their sessions")
    UserAccount setEnabled(@PathVariable UUID id, @Valid @RequestBody EnabledRequest request) {
        return users.setEnabled(Caller.current(), id, request.enabled());
    }

    @ExceptionHandler(BadCredentialsException.class)
    ResponseEntity<ProblemDetail> badCredentials(BadCredentialsException e) {
        return problem(HttpStatus.UNAUTHORIZED, SignIn.WRONG);
    }

    /** A paused sign-in (issue 13): 429 with Retry-After, the seconds until this source may try again. */
    @ExceptionHandler(SignInPaused.class)
    ResponseEntity<ProblemDetail> paused(SignInPaused e) {
        HttpHeaders retry = new HttpHeaders();
        retry.set(HttpHeaders.RETRY_AFTER, Long.toString(SignInPaused.retryAfterSeconds(e.until(), clock.instant())));
        return problem(HttpStatus.TOO_MANY_REQUESTS, e.getMessage(), retry);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return problem(status, detail, HttpHeaders.EMPTY);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpHeaders headers) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setInstance(URI.create("/api/v1/tokens"));
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
