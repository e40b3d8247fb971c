package dev.ringlab.balancer;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a client connection may keep the balancer waiting, as nginx and HAProxy bound it:
 *
 * @param header the whole request header must arrive within this time of its first byte (nginx's
 *               {@code client_header_timeout}, HAProxy's {@code timeout http-request}); a new connection
 *               that sends nothing at all is closed after it too
 * @param body   the longest pause between two reads of a request body (nginx's {@code client_body_timeout})
 * @param idle   how long a keep-alive connection may wait for its next request (nginx's {@code keepalive_timeout},
 *               HAProxy's {@code timeout http-keep-alive})
 */
public record ClientTimeouts(Duration header, Duration body, Duration idle) {

    // before DEFAULT, which the constructor checks against them
    public static final Duration MIN = Duration.ofMillis(10);
    public static final Duration MAX = Duration.ofHours(1);

    /** HAProxy's recommended {@code timeout http-request 10s}; nginx's 60 s body and 75 s keep-alive. */
    public static final ClientTimeouts DEFAULT =
            new ClientTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60), Duration.ofSeconds(75));

    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(ms|s|m)");

    public ClientTimeouts {
        check("header timeout", header);
        check("body timeout", body);
        check("idle timeout", idle);
    }

    /** The shortest of the three: the connection's timer never sleeps longer, so no deadline is missed. */
    Duration shortest() {
        Duration shortest = header.compareTo(body) < 0 ? header : body;
        return shortest.compareTo(idle) < 0 ? shortest : idle;
    }

    /** {@code 10s}, {@code 500ms}, {@code 2m}: how a person writes a timeout on the command line. */
    public static Duration parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write it like 500ms, 10s or 2m");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    /** As a person reads it: {@code 10 s}, {@code 250 ms}. */
    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }

    private static void check(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(MIN) < 0 || value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException(name + " must be between " + text(MIN) + " and 1 h, got " + text(value));
        }
    }
}
