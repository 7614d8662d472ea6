package org.pallas.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NavigationItem;
import org.pallas.server.platform.UnreadNotices;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs into every page's model: the caller, the navigation it may see, its unread notices. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    /** The header's link to the notice list with the unread count. */
    record Notices(String path, long unread) {}

    private final List<NavigationItem> items;
    private final UnreadNotices notices;

    LayoutModel(ObjectProvider<NavigationItem> items, ObjectProvider<UnreadNotices> notices) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
        this.notices = notices.getIfAvailable();
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        model.addAttribute("currentPath", request.getRequestURI());
        Caller.find().ifPresent(caller -> {
            model.addAttribute("caller", caller);
            model.addAttribute("navigation", visible(caller));
            if (notices != null) {
                model.addAttribute("notices", new Notices(notices.path(), notices.unread(caller)));
            }
        });
    }

    List<NavigationItem> visible(Caller caller) {
        return items.stream().filter(i -> i.visibleTo(caller)).toList();
    }
}
