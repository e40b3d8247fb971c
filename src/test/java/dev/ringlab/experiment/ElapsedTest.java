package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A run's summary says how long it took in a unit that shows it: an A-1 on the simulation read "0.0 s". */
class ElapsedTest {

    @Test
    void underASecondInMillisecondsAboveInSeconds() {
        assertThat(Elapsed.said(Duration.ofMillis(45))).isEqualTo("45 ms");
        assertThat(Elapsed.said(Duration.ofMillis(999))).isEqualTo("999 ms");
        assertThat(Elapsed.said(Duration.ofMillis(1_440))).isEqualTo("1.4 s");
    }
}
