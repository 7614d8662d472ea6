package org.pallas.screening;

import com.ibm.icu.lang.UScript;

/** Finds the dominant script of a string (the script with the most letters). */
final class Scripts {
    private Scripts() {}

    static String dominant(String text) {
        boolean latinOnly = true;
        for (int i = 0; i < text.length() && latinOnly; i++) {
            latinOnly = text.charAt(i) < 0x250; // Basic Latin to Latin Extended-B
        }
        if (latinOnly) {
            return "Latin";
        }
        int[] counts = new int[UScript.CODE_LIMIT];
        int best = UScript.LATIN;
        int bestCount = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            int script = UScript.getScript(cp);
            if (script == UScript.COMMON || script == UScript.INHERITED) {
                continue;
            }
            if (++counts[script] > bestCount) {
                bestCount = counts[script];
                best = script;
            }
        }
        return UScript.getName(best);
    }
}
