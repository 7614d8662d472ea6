package org.pallas.server.identity;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pallas.server.platform.Caller;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page (the form posts to Spring Security at {@code POST /login}). */
@Controller
class SignInPage {

    private final Clock clock;
    private final boolean oidc;
    private final ObjectProvider<InMemoryClientRegistrationRepository> registrations;

    SignInPage(Clock clock, Environment env, ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
        this.clock = clock;
        this.oidc = env.getProperty("pallas.auth.oidc.enabled", Boolean.class, false);
        this.registrations = registrations;
    }

    record Provider(String name, String path) {}

    @GetMapping("/login")
    String login(
            @RequestParam(name = "error", required = false) String error,
            @RequestParam(name = "signed-out", required = false) String signedOut,
            HttpSession session,
            HttpServletResponse response,
            Model model) {
        if (Caller.find().isPresent()) {
            return "redirect:/";
        }
        if (error != null) {
            Object failure = session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            String message = SignIn.WRONG;
            if (failure instanceof SignInPaused paused) {
                Instant now = clock.instant();
                if (now.isBefore(paused.until())) {
                    // Issue 13: the browser is told, like an API client, when it may try again.
                    response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                    response.setHeader(
                            HttpHeaders.RETRY_AFTER,
                            Long.toString(SignInPaused.retryAfterSeconds(paused.until(), now)));
                    message = SignInPaused.message(paused.until(), now);
                } else {
                    message = "The pause on sign-in has ended; you may try again.";
                }
            }
            model.addAttribute("errors", Map.of("username", message));
        }
        model.addAttribute("signedOut", signedOut != null);
        List<Provider> providers = new ArrayList<>();
        if (oidc) {
            InMemoryClientRegistrationRepository repo = registrations.getIfAvailable();
            if (repo != null) {
                for (ClientRegistration r : repo) {
                    providers.add(new Provider(r.getClientName(), "/oauth2/authorization/" + r.getRegistrationId()));
                }
            }
        }
        model.addAttribute("providers", providers);
        return "identity/login";
    }
}
