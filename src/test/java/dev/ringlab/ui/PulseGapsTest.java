package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PulseGapsTest {

    private static final long MS = 1_000_000;

    @Test
    void summarisesTheGapsBetweenPulsesAndTheFramesOwnWork() {
        PulseGaps gaps = new PulseGaps();
        gaps.pulse(-1, 2 * MS); // the first pulse has no gap before it
        for (int i = 0; i < 98; i++) {
            gaps.pulse(16 * MS, MS);
        }
        gaps.pulse(60 * MS, 9 * MS);
        gaps.pulse(120 * MS, MS);

        PulseGaps.Summary summary = gaps.summary();

        assertThat(summary.pulses()).isEqualTo(101);
        assertThat(summary.longestGap()).isCloseTo(120, within(1e-9));
        assertThat(summary.gap99()).isCloseTo(60, within(1e-9));
        assertThat(summary.gapsOverTarget()).isEqualTo(2);
        assertThat(summary.longestFrame()).isCloseTo(9, within(1e-9));
    }

    @Test
    void anEmptyMeasurementIsAllZero() {
        assertThat(new PulseGaps().summary()).isEqualTo(new PulseGaps.Summary(0, 0, 0, 0, 0));
    }
}
