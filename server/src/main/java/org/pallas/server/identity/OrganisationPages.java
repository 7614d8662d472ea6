package org.pallas.server.identity;

import java.util.UUID;
import org.pallas.server.platform.Caller;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The organisation directory: an exporter sees only its own organisation, in lists, counts and pages. */
@Controller
class OrganisationPages {

    private final Organisations organisations;
    private final Users users;

    OrganisationPages(Organisations organisations, Users users) {
        this.organisations = organisations;
        this.users = users;
    }

    @GetMapping("/organisations")
    String list(@RequestParam(name = "q", defaultValue = "") String q, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("q", q);
        model.addAttribute("count", organisations.count(caller, q));
        model.addAttribute("organisations", organisations.search(caller, q));
        return "identity/organisations";
    }

    @GetMapping("/organisations/{id}")
    String show(@PathVariable UUID id, Model model) {
        Caller caller = Caller.current();
        model.addAttribute("organisation", organisations.find(caller, id));
        model.addAttribute("members", users.inOrganisation(caller, id));
        return "identity/organisation";
    }

    /** "My organisation". */
    @GetMapping("/organisation")
    String mine() {
        return "redirect:/organisations/" + Caller.current().organisationId();
    }
}
