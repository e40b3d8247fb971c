package dev.ringlab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * Where {@code serve}'s admin token comes from, most explicit first: {@code --admin-token} (visible in
 * {@code ps}, so for quick local use), {@code --admin-token-file} (its first line), the environment
 * variable {@value #ENV}, and with {@code --generate-admin-token} 256 random bits when none of them
 * gave one, as Jupyter and Elasticsearch generate theirs. A token that is empty or has spaces or
 * control characters is refused: an empty one would lock {@code /add} and {@code /rm} for good.
 *
 * @param token     the token, or null for none
 * @param generated whether it was generated here (then {@code serve} prints it once)
 */
record AdminToken(String token, boolean generated) {

    static final String ENV = "RINGLAB_ADMIN_TOKEN";

    static AdminToken resolve(String flag, Path file, boolean generate, Map<String, String> env) {
        if (flag != null && file != null) {
            throw new IllegalArgumentException("give --admin-token or --admin-token-file, not both");
        }
        if (flag != null) {
            return new AdminToken(checked("--admin-token", flag), false);
        }
        if (file != null) {
            return new AdminToken(checked("--admin-token-file " + file, firstLine(file)), false);
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isEmpty()) { // empty as compose passes an unset variable
            return new AdminToken(checked(ENV, fromEnv), false);
        }
        if (generate) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return new AdminToken(Base64.getUrlEncoder().withoutPadding().encodeToString(random), true);
        }
        return new AdminToken(null, false);
    }

    private static String firstLine(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.indexOf('\n');
            return (end < 0 ? text : text.substring(0, end)).strip();
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("--admin-token-file " + file + " cannot be read: "
                    + unreadable.getClass().getSimpleName() + " " + unreadable.getMessage());
        }
    }

    private static String checked(String source, String token) {
        if (token.isEmpty()) {
            throw new IllegalArgumentException(source + " is empty: give a token (or none, on loopback)");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException(source + " has a space or control character at position " + (i + 1)
                        + ": a token is one word");
            }
        }
        return token;
    }
}
