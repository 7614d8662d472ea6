package org.pallas.classification.reference;

import java.time.LocalDate;
import java.util.List;

/** Which text of a regime the data set mirrors, and as of which date. */
public record RegimeText(Regime regime, String name, LocalDate textAsOf, String basis, List<String> rules) {}
