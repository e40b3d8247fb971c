package dev.ringlab.experiment;

import dev.ringlab.ring.RingSnapshot;
import java.time.Duration;

/**
 * What a live chart is drawn from: the counts so far, the ring the requests go to now (null when it
 * cannot be seen), the runner's last progress (null before the first) and the time since the start.
 */
public record LiveView(LiveTally tally, RingSnapshot ring, Progress progress, Duration elapsed) {
}
