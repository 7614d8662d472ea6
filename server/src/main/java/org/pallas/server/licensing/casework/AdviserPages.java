package org.pallas.server.licensing.casework;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.pallas.licensing.CaseStatus;
import org.pallas.licensing.Product;
import org.pallas.policy.AdviserTeam;
import org.pallas.server.licensing.cases.CaseStore;
import org.pallas.server.licensing.cases.Cases;
import org.pallas.server.licensing.cases.CaseworkQueries;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The adviser's queue: cases waiting for their team's advice, and the cases their team has been asked about. */
@Controller
class AdviserPages {

    private final CaseStore store;
    private final CaseworkQueries casework;

    AdviserPages(CaseStore store, CaseworkQueries casework) {
        this.store = store;
        this.casework = casework;
    }

    record AdviceRow(UUID id, String reference, String title, CaseStatus status, boolean waitingForUs) {}

    @GetMapping("/advice")
    ModelAndView queue() {
        Caller caller = Caller.current();
        if (!caller.isAdvisoryDepartment() || !caller.hasRole(Role.ADVISER) || caller.team() == null) {
            throw new AccessDeniedException("The advice queue is for advisers of an advisory team.");
        }
        AdviserTeam team = caller.team();
        // Only cases that ever asked for advice can concern an adviser; the case rebuilt says whether ours did.
        List<UUID> asked = casework.casesThatAskedForAdvice();
        List<AdviceRow> rows = asked.stream()
                .map(id -> store.load(id, null, false).orElseThrow())
                .filter(l -> Cases.adviceAskedOf(l.c(), team))
                .map(l -> new AdviceRow(
                        UUID.fromString(l.c().caseId()),
                        l.reference(),
                        l.c().application().details().products().stream()
                                .map(Product::name)
                                .reduce((a, b) -> a + ", " + b)
                                .orElse(""),
                        l.c().status(),
                        l.c().outstandingAdvice().contains(team)))
                .toList();
        return new ModelAndView(
                "licensing/advice-queue",
                Map.of(
                        "team",
                        team,
                        "waiting",
                        rows.stream().filter(AdviceRow::waitingForUs).toList(),
                        "others",
                        rows.stream().filter(r -> !r.waitingForUs()).toList()));
    }
}
