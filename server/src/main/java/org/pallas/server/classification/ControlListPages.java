package org.pallas.server.classification;

import java.util.Arrays;
import org.pallas.classification.reference.Regime;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The control-list reference: each entry and note in plain language with its citations; [R] rules marked unverified. */
@Controller
class ControlListPages {

    private final ClassificationAssessments assessments;

    ControlListPages(ClassificationAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/control-list")
    String show(Model model) {
        var data = assessments.referenceData();
        model.addAttribute("data", data);
        model.addAttribute(
                "regimes", Arrays.stream(Regime.values()).map(data::regime).toList());
        return "classification/control-list";
    }
}
