package org.pallas.server.identity;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.FormValidation;
import org.pallas.server.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The caller's own account: details, personal access tokens (shown once), password change. */
@Controller
class AccountPages {

    private final AccessTokens tokens;
    private final Users users;
    private final Clock clock;

    AccountPages(AccessTokens tokens, Users users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/account")
    String account(@RequestParam(name = "done", required = false) String done, Model model) {
        model.addAttribute("done", done);
        return page(model, new LinkedHashMap<>());
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam(name = "name", defaultValue = "") String name, Model model) {
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            // Rendered directly, never redirected: the token must not pass through the session.
            model.addAttribute("issued", tokens.issue(Caller.current(), name));
        } catch (InvalidInputException e) {
            FormValidation.add(errors, e);
        }
        return page(model, errors);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id) {
        tokens.revoke(Caller.current(), id);
        return "redirect:/account?done=revoked";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam(name = "currentPassword", defaultValue = "") String current,
            @RequestParam(name = "newPassword", defaultValue = "") String replacement,
            Model model) {
        try {
            users.changePassword(Caller.current(), current, replacement);
            return "redirect:/account?done=password";
        } catch (InvalidInputException e) {
            return page(model, FormValidation.add(new LinkedHashMap<>(), e));
        }
    }

    private String page(Model model, Map<String, String> errors) {
        Caller caller = Caller.current();
        model.addAttribute("errors", errors);
        model.addAttribute("tokens", tokens.list(caller));
        model.addAttribute("now", clock.instant());
        return "identity/account";
    }
}
