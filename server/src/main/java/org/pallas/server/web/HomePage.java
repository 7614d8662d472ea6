package org.pallas.server.web;

import java.util.Comparator;
import java.util.List;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.DashboardTile;
import org.pallas.server.platform.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home dashboard: a short statement of what the caller's role does here, then the tiles. */
@Controller
class HomePage {

    private final List<DashboardTile> tiles;

    HomePage(ObjectProvider<DashboardTile> tiles) {
        this.tiles = tiles.stream()
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .toList();
    }

    @GetMapping("/")
    String home(Model model) {
        Caller caller = Caller.current();
        model.addAttribute(
                "purposes",
                caller.roles().stream().sorted().map(HomePage::purpose).toList());
        model.addAttribute(
                "tiles", tiles.stream().filter(t -> t.visibleTo(caller)).toList());
        return "home";
    }

    static String purpose(Role role) {
        return switch (role) {
            case EXPORTER -> "You file export-licence applications for your organisation and follow their progress.";
            case CASEWORKER -> "You examine licence applications, request advice and prepare recommendations.";
            case ADVISER -> "You give your department's advice on the applications referred to your team.";
            case SENIOR_OFFICER ->
                "You decide licence applications on the caseworker's recommendation and the advice given.";
            case OVERSIGHT -> "You may read every case but change none; every record you open is logged.";
            case AUDITOR -> "You verify the records and the transparency ledger.";
            case ADMIN -> "You manage organisations, users and their roles.";
        };
    }
}
