package org.pallas.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.pallas.server.platform.Caller;
import org.pallas.server.platform.NavigationItem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts what the layout needs into every page's model: the caller and the navigation it may see. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final List<NavigationItem> items;

    LayoutModel(ObjectProvider<NavigationItem> items) {
        this.items = items.stream()
                .sorted(Comparator.comparingInt(NavigationItem::order))
                .toList();
    }

    @ModelAttribute
    void layout(Model model, HttpServletRequest request) {
        model.addAttribute("currentPath", request.getRequestURI());
        Caller.find().ifPresent(caller -> {
            model.addAttribute("caller", caller);
            model.addAttribute("navigation", visible(caller));
        });
    }

    List<NavigationItem> visible(Caller caller) {
        return items.stream().filter(i -> i.visibleTo(caller)).toList();
    }
}
