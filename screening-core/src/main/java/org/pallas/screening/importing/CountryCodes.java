package org.pallas.screening.importing;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Resolves the country names lists use ("Korea, North", "Iran (Islamic Republic of)") to ISO alpha-2. */
public final class CountryCodes {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            BY_NAME.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
            BY_NAME.put(key(code), code);
        }
        String[][] aliases = {
            {"Russia", "RU"},
            {"Russian Federation", "RU"},
            {"Iran", "IR"},
            {"Iran (Islamic Republic of)", "IR"},
            {"Iran, Islamic Republic of", "IR"},
            {"Syria", "SY"},
            {"Syrian Arab Republic", "SY"},
            {"Korea, North", "KP"},
            {"North Korea", "KP"},
            {"Democratic People's Republic of Korea", "KP"},
            {"Korea, South", "KR"},
            {"South Korea", "KR"},
            {"Republic of Korea", "KR"},
            {"Burma", "MM"},
            {"Myanmar", "MM"},
            {"Congo, Democratic Republic of the", "CD"},
            {"Democratic Republic of the Congo", "CD"},
            {"Congo, Republic of the", "CG"},
            {"Republic of the Congo", "CG"},
            {"Venezuela", "VE"},
            {"Venezuela (Bolivarian Republic of)", "VE"},
            {"Bolivia", "BO"},
            {"Tanzania", "TZ"},
            {"United Republic of Tanzania", "TZ"},
            {"Vietnam", "VN"},
            {"Viet Nam", "VN"},
            {"Laos", "LA"},
            {"Lao People's Democratic Republic", "LA"},
            {"Moldova", "MD"},
            {"Republic of Moldova", "MD"},
            {"United States", "US"},
            {"United States of America", "US"},
            {"USA", "US"},
            {"United Kingdom", "GB"},
            {"United Kingdom of Great Britain and Northern Ireland", "GB"},
            {"UK", "GB"},
            {"Czech Republic", "CZ"},
            {"Turkey", "TR"},
            {"Turkiye", "TR"},
            {"Türkiye", "TR"},
            {"Macau", "MO"},
            {"Macao", "MO"},
            {"West Bank", "PS"},
            {"Gaza", "PS"},
            {"Palestinian", "PS"},
            {"State of Palestine", "PS"},
            {"Kosovo", "XK"},
            {"Cote d'Ivoire", "CI"},
            {"Côte d'Ivoire", "CI"},
            {"Ivory Coast", "CI"},
            {"Brunei", "BN"},
            {"Gambia, The", "GM"},
            {"The Gambia", "GM"},
            {"Bahamas, The", "BS"},
            {"The Bahamas", "BS"},
            {"North Macedonia", "MK"},
            {"The former Yugoslav Republic of Macedonia", "MK"},
            {"Macedonia", "MK"},
            {"Libya", "LY"},
            {"Libyan Arab Jamahiriya", "LY"},
            {"Sudan", "SD"},
            {"South Sudan", "SS"},
            {"Yemen", "YE"},
            {"Taiwan", "TW"},
            {"Hong Kong", "HK"},
            {"Cape Verde", "CV"},
            {"Cabo Verde", "CV"},
            {"Eswatini", "SZ"},
            {"Swaziland", "SZ"},
            {"Curacao", "CW"},
            {"Micronesia", "FM"},
            {"Netherlands Antilles", "AN"},
            {"Serbia and Montenegro", "CS"},
            {"Crimea", "UA"},
            {"Region: Crimea", "UA"},
            {"British Virgin Islands", "VG"},
            {"Virgin Islands, British", "VG"},
            {"Holy See", "VA"},
            {"Vatican", "VA"},
            {"Timor-Leste", "TL"},
            {"East Timor", "TL"},
            {"Saint Kitts and Nevis", "KN"},
            {"Saint Vincent and the Grenadines", "VC"},
            {"Saint Lucia", "LC"},
            {"Sao Tome and Principe", "ST"},
            {"Trinidad and Tobago", "TT"},
            {"Bosnia and Herzegovina", "BA"},
            {"Antigua and Barbuda", "AG"},
            {"Kyrgyzstan", "KG"},
            {"Slovakia", "SK"},
            {"Belarus", "BY"},
            {"Palestine", "PS"},
            {"Iraq", "IQ"},
            {"Afghanistan", "AF"},
            {"Pakistan", "PK"},
            {"Tunisia", "TN"},
            {"Somalia", "SO"},
            {"Mali", "ML"},
            {"Kuwait", "KW"},
            {"Qatar", "QA"},
        };
        for (String[] a : aliases) {
            BY_NAME.put(key(a[0]), a[1]);
        }
    }

    private CountryCodes() {}

    /** The ISO alpha-2 code of a country name or code, or null when it is not a known country. */
    public static String resolve(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return BY_NAME.get(key(name));
    }

    private static String key(String name) {
        String n = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return n.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
