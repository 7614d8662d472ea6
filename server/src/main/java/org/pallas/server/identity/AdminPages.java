package org.pallas.server.identity;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.pallas.server.platform.OrganisationKind;
import org.pallas.server.platform.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** Administration of organisations and users (ADMIN only; the security chain guards /admin/**). */
@Controller
class AdminPages {

    private final Organisations organisations;
    private final Users users;
    private final FormValidation validation;

    AdminPages(Organisations organisations, Users users, FormValidation validation) {
        this.organisations = organisations;
        this.users = users;
        this.validation = validation;
    }

    @GetMapping("/admin")
    String admin() {
        return "redirect:/admin/organisations";
    }

    @GetMapping("/admin/organisations")
    ModelAndView organisations(@RequestParam(name = "q", defaultValue = "") String q) {
        return organisationsPage(
                q, new OrganisationInput("", OrganisationKind.EXPORTER, ""), new LinkedHashMap<>(), HttpStatus.OK);
    }

    @PostMapping("/admin/organisations")
    ModelAndView createOrganisation(
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "kind", required = false) OrganisationKind kind,
            @RequestParam(name = "country", defaultValue = "") String country) {
        OrganisationInput input =
                new OrganisationInput(name, kind, country.strip().toUpperCase(java.util.Locale.ROOT));
        Map<String, String> errors = validation.errors(input);
        if (errors.isEmpty()) {
            try {
                Organisation created = organisations.create(Caller.current(), input);
                return new ModelAndView("redirect:/admin/organisations/" + created.id() + "?done=created");
            } catch (InvalidInputException e) {
                FormValidation.add(errors, e);
            }
        }
        return organisationsPage("", input, errors, HttpStatus.BAD_REQUEST);
    }

    private ModelAndView organisationsPage(
            String q, OrganisationInput form, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        ModelAndView page = new ModelAndView("identity/admin-organisations", status);
        page.addObject("q", q);
        page.addObject("organisations", organisations.search(caller, q));
        page.addObject("count", organisations.count(caller, q));
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("kinds", OrganisationKind.values());
        return page;
    }

    @GetMapping("/admin/organisations/{id}")
    ModelAndView organisation(@PathVariable UUID id, @RequestParam(name = "done", required = false) String done) {
        Organisation o = organisations.find(Caller.current(), id);
        ModelAndView page = organisationPage(
                id,
                new OrganisationInput(o.name(), o.kind(), o.country() == null ? "" : o.country()),
                new LinkedHashMap<>(),
                emptyUser(id),
                new LinkedHashMap<>(),
                HttpStatus.OK);
        page.addObject("done", done);
        return page;
    }

    @PostMapping("/admin/organisations/{id}")
    ModelAndView updateOrganisation(
            @PathVariable UUID id,
            @RequestParam(name = "name", defaultValue = "") String name,
            @RequestParam(name = "kind", required = false) OrganisationKind kind,
            @RequestParam(name = "country", defaultValue = "") String country) {
        OrganisationInput input =
                new OrganisationInput(name, kind, country.strip().toUpperCase(java.util.Locale.ROOT));
        Map<String, String> errors = validation.errors(input);
        if (errors.isEmpty()) {
            try {
                organisations.update(Caller.current(), id, input);
                return new ModelAndView("redirect:/admin/organisations/" + id + "?done=updated");
            } catch (InvalidInputException e) {
                FormValidation.add(errors, e);
            }
        }
        return organisationPage(id, input, errors, emptyUser(id), new LinkedHashMap<>(), HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/admin/organisations/{id}/users")
    ModelAndView createUser(
            @PathVariable UUID id,
            @RequestParam(name = "username", defaultValue = "") String username,
            @RequestParam(name = "displayName", defaultValue = "") String displayName,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "team", required = false) AdviserTeam team,
            @RequestParam(name = "roles", required = false) List<Role> roles,
            @RequestParam(name = "password", defaultValue = "") String password) {
        UserInput input = new UserInput(
                id,
                username.strip(),
                displayName,
                email.isBlank() ? null : email.strip(),
                team,
                roles == null ? Set.of() : EnumSet.copyOf(roles),
                password);
        Map<String, String> errors = validation.errors(input);
        if (errors.isEmpty()) {
            try {
                UserAccount created = users.create(Caller.current(), input);
                return new ModelAndView("redirect:/admin/users/" + created.id() + "?done=created");
            } catch (InvalidInputException e) {
                FormValidation.add(errors, e);
            }
        }
        Organisation o = organisations.find(Caller.current(), id);
        return organisationPage(
                id,
                new OrganisationInput(o.name(), o.kind(), o.country() == null ? "" : o.country()),
                new LinkedHashMap<>(),
                input,
                errors,
                HttpStatus.BAD_REQUEST);
    }

    private ModelAndView organisationPage(
            UUID id,
            OrganisationInput form,
            Map<String, String> errors,
            UserInput userForm,
            Map<String, String> userErrors,
            HttpStatus status) {
        Caller caller = Caller.current();
        Organisation organisation = organisations.find(caller, id);
        ModelAndView page = new ModelAndView("identity/admin-organisation", status);
        page.addObject("organisation", organisation);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("members", users.inOrganisation(caller, id));
        page.addObject("userForm", userForm);
        page.addObject("userErrors", userErrors);
        page.addObject("kinds", OrganisationKind.values());
        page.addObject("teams", AdviserTeam.values());
        page.addObject("roles", RoleRules.allowed(organisation.kind()));
        return page;
    }

    private static UserInput emptyUser(UUID organisationId) {
        return new UserInput(organisationId, "", "", "", null, Set.of(), "");
    }

    @GetMapping("/admin/users/{id}")
    ModelAndView user(@PathVariable UUID id, @RequestParam(name = "done", required = false) String done) {
        UserAccount u = users.find(Caller.current(), id);
        ModelAndView page =
                userPage(u, new UserChange(u.displayName(), u.email(), u.team()), new LinkedHashMap<>(), HttpStatus.OK);
        page.addObject("done", done);
        return page;
    }

    @PostMapping("/admin/users/{id}")
    ModelAndView updateUser(
            @PathVariable UUID id,
            @RequestParam(name = "displayName", defaultValue = "") String displayName,
            @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "team", required = false) AdviserTeam team) {
        UserChange change = new UserChange(displayName, email.isBlank() ? null : email.strip(), team);
        Map<String, String> errors = validation.errors(change);
        if (errors.isEmpty()) {
            try {
                users.update(Caller.current(), id, change);
                return new ModelAndView("redirect:/admin/users/" + id + "?done=updated");
            } catch (InvalidInputException e) {
                FormValidation.add(errors, e);
            }
        }
        return userPage(users.find(Caller.current(), id), change, errors, HttpStatus.BAD_REQUEST);
    }

    @PostMapping("/admin/users/{id}/roles")
    ModelAndView changeRoles(@PathVariable UUID id, @RequestParam(name = "roles", required = false) List<Role> roles) {
        try {
            users.changeRoles(Caller.current(), id, roles == null ? Set.of() : EnumSet.copyOf(roles));
            return new ModelAndView("redirect:/admin/users/" + id + "?done=roles");
        } catch (InvalidInputException e) {
            UserAccount u = users.find(Caller.current(), id);
            return userPage(
                    u,
                    new UserChange(u.displayName(), u.email(), u.team()),
                    FormValidation.add(new LinkedHashMap<>(), e),
                    HttpStatus.BAD_REQUEST);
        }
    }

    @PostMapping("/admin/users/{id}/enabled")
    ModelAndView setEnabled(@PathVariable UUID id, @RequestParam(name = "enabled") boolean enabled) {
        try {
            users.setEnabled(Caller.current(), id, enabled);
            return new ModelAndView("redirect:/admin/users/" + id + "?done=" + (enabled ? "enabled" : "disabled"));
        } catch (InvalidInputException e) {
            UserAccount u = users.find(Caller.current(), id);
            return userPage(
                    u,
                    new UserChange(u.displayName(), u.email(), u.team()),
                    FormValidation.add(new LinkedHashMap<>(), e),
                    HttpStatus.BAD_REQUEST);
        }
    }

    private ModelAndView userPage(UserAccount user, UserChange form, Map<String, String> errors, HttpStatus status) {
        Caller caller = Caller.current();
        Organisation organisation = organisations.find(caller, user.organisationId());
        ModelAndView page = new ModelAndView("identity/admin-user", status);
        page.addObject("user", user);
        page.addObject("organisation", organisation);
        page.addObject("form", form);
        page.addObject("errors", errors);
        page.addObject("teams", AdviserTeam.values());
        page.addObject("roles", RoleRules.allowed(organisation.kind()));
        return page;
    }
}
