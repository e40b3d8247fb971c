package dev.ringlab.balancer;

import java.time.Duration;
import java.time.Instant;

/**
 * Passive health took a server out of routing ({@code ejected}, for {@code lasting}) or let it back
 * on trial ({@code ejected} false) at {@code at}.
 */
public record Ejection(String server, boolean ejected, Instant at, Duration lasting) {
}
