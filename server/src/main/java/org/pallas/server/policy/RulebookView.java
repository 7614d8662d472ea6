package org.pallas.server.policy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pallas.policy.Rule;
import org.pallas.policy.RuleCatalogue;
import org.pallas.policy.Rulebook;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NotFoundException;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/** The active rulebook as shown to people: its rules and its generated catalogue (rendered once per version). */
@Component
class RulebookView {

    private final Rulebooks rulebooks;
    private final Map<String, String> catalogues = new ConcurrentHashMap<>();

    RulebookView(Rulebooks rulebooks) {
        this.rulebooks = rulebooks;
    }

    record Active(Rulebook rulebook, String catalogue) {}

    Active active() {
        Rulebook rulebook = rulebooks.active();
        return new Active(
                rulebook, catalogues.computeIfAbsent(rulebook.contentHash(), h -> RuleCatalogue.render(rulebook)));
    }

    /** The rulebook pages are for the licensing authority and those who oversee or audit it. */
    static void requireReader(Caller caller) {
        if (caller.isExporter()
                || caller.isCivilSociety()
                || !caller.hasAnyRole(
                        Role.CASEWORKER, Role.ADVISER, Role.SENIOR_OFFICER, Role.OVERSIGHT, Role.AUDITOR, Role.ADMIN)) {
            throw new AccessDeniedException("The rulebook pages are for the licensing authority and oversight.");
        }
    }

    Rule rule(String id) {
        return rulebooks.active().rules().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Rule", id));
    }
}
