package org.pallas.classification.reference;

import java.util.List;

/**
 * The US side of an entry: reasons for control on the CCL, whether those reasons are verified,
 * ACE applicability, and the targets for which surreptitious-listening (SL) control applies.
 */
public record UsControl(
        List<String> reasons,
        boolean reasonsUnverified,
        AceApplicability ace,
        List<String> slSubparagraphs,
        List<String> slWhenFor,
        List<String> rules) {}
