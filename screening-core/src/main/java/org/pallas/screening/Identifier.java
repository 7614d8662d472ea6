package org.pallas.screening;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An identifier of a listed party: passport, national ID, tax or registration number, IMO, LEI, ...
 *
 * @param type    the list's own label, e.g. "Passport", "IMO", "Tax ID No."
 * @param value   the value as listed
 * @param country ISO 3166 alpha-2 of the issuer, or null
 */
public record Identifier(String type, String value, String country) {
    public Identifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /** Letters and digits only, upper case: "OB 0243318" and "ob-0243318" compare equal. */
    public String comparable() {
        return comparable(value);
    }

    /**
     * The forms a number given by a customer is compared in: as given, and without a leading type
     * label ("IMO 7406784" also as "7406784").
     */
    static List<String> comparableForms(String given) {
        String c = comparable(given);
        String bare = c.replaceFirst("^[A-Z]+(?=\\d)", "");
        return bare.equals(c) || bare.length() < 5 ? List.of(c) : List.of(c, bare);
    }

    static String comparable(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    /**
     * Whether the identifier names one party on its own. Registry numbers that are globally unique
     * (IMO, LEI, SWIFT/BIC, ISIN, crypto addresses) and government documents are strong; loose
     * references ("Chamber of Commerce Number" without a country) are not, and short values never are.
     */
    public boolean strong() {
        String t = type.toLowerCase(Locale.ROOT);
        if (comparable().length() < 6) {
            return false;
        }
        return t.contains("imo")
                || t.contains("lei")
                || t.contains("swift")
                || t.contains("bic")
                || t.contains("isin")
                || t.contains("digital currency")
                || t.contains("passport")
                || t.contains("national id")
                || t.contains("national identification")
                || t.contains("tax")
                || t.contains("inn")
                || t.contains("ogrn")
                || t.contains("registration")
                || t.contains("company number")
                || t.contains("mmsi")
                || t.contains("uscc")
                || t.contains("unified social credit");
    }
}
