package org.pallas.licensing;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 codes as the JDK knows them, plus XK (Kosovo, user-assigned but in common use). */
final class Countries {

    private static final Set<String> CODES = codes();

    private Countries() {}

    static boolean isAlpha2(String code) {
        return code != null && CODES.contains(code);
    }

    private static Set<String> codes() {
        Set<String> codes = new HashSet<>(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));
        codes.add("XK");
        return Set.copyOf(codes);
    }
}
