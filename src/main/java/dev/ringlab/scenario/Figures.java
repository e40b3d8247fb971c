package dev.ringlab.scenario;

import java.util.Locale;

/** Numbers as the handout prints them: whole numbers with thousands separators, ratios with 3 decimals. */
final class Figures {

    private Figures() {
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        String text = String.format(Locale.ROOT, "%,.3f", value);
        return text.replaceFirst("\\.?0+$", "");
    }
}
