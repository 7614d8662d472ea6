package org.pallas.server.policy;

import org.pallas.server.platform.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Read-only rulebook pages for the licensing authority and oversight: the rules, their citations, version and hash. */
@Controller
class RulebookPages {

    private final RulebookView view;

    private final RulebookChanges changes;

    RulebookPages(RulebookView view, RulebookChanges changes) {
        this.view = view;
        this.changes = changes;
    }

    @GetMapping("/rulebook")
    String rulebook(Model model) {
        RulebookView.requireReader(Caller.current());
        Caller caller = Caller.current();
        model.addAttribute("rulebook", view.active().rulebook());
        model.addAttribute("changes", changes.list(caller));
        return "policy/rulebook";
    }

    @GetMapping("/rulebook/rules/{id}")
    String rule(@PathVariable String id, Model model) {
        RulebookView.requireReader(Caller.current());
        model.addAttribute("rulebook", view.active().rulebook());
        model.addAttribute("rule", view.rule(id));
        return "policy/rule";
    }
}
