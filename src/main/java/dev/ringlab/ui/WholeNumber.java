package dev.ringlab.ui;

import java.math.BigInteger;
import java.util.Locale;

/**
 * A whole number typed into a field. A number too large for the field ("99999999999") is said to be too
 * large, not "not a whole number"; the caller's own range check then says what the field allows.
 */
final class WholeNumber {

    private WholeNumber() {
    }

    /** The number in {@code text}, or an {@link IllegalArgumentException} naming {@code what} and the text. */
    static int parse(String text, String what) {
        String typed = text == null ? "" : text.trim();
        try {
            return Integer.parseInt(typed);
        } catch (NumberFormatException notAnInt) {
            if (typed.matches("[+-]?\\d+")) {
                boolean negative = new BigInteger(typed).signum() < 0;
                throw new IllegalArgumentException(String.format(Locale.ROOT, "%s is far too %s: '%s'", what,
                        negative ? "small" : "large", typed));
            }
            throw new IllegalArgumentException(what + " must be a whole number, got '" + typed + "'");
        }
    }
}
