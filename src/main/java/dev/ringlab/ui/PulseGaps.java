package dev.ringlab.ui;

import java.util.Arrays;

/**
 * The time between consecutive FX pulses, and how long the window's own per-frame work took, over a
 * measurement. A pulse is due every 16.7 ms; the longest gap says how long the window looked frozen.
 */
final class PulseGaps {

    /** What a measurement saw; gaps and frame work in milliseconds. */
    record Summary(int pulses, double longestGap, double gap99, int gapsOverTarget, double longestFrame) {

        /** Gaps above this are the ones a person notices as a stutter. */
        static final double TARGET_MILLIS = 50;
    }

    private long[] gaps = new long[1024];
    private int count;
    private int pulses;
    private long longestFrame;

    /** One pulse: the gap since the one before ({@code -1} for the first), and the frame's own work. */
    void pulse(long gapNanos, long frameNanos) {
        pulses++;
        longestFrame = Math.max(longestFrame, frameNanos);
        if (gapNanos < 0) {
            return;
        }
        if (count == gaps.length) {
            gaps = Arrays.copyOf(gaps, count * 2);
        }
        gaps[count++] = gapNanos;
    }

    Summary summary() {
        long[] sorted = Arrays.copyOf(gaps, count);
        Arrays.sort(sorted);
        double longest = count == 0 ? 0 : sorted[count - 1] / 1e6;
        double p99 = count == 0 ? 0 : sorted[Math.min(count - 1, (int) Math.ceil(count * 0.99) - 1)] / 1e6;
        int over = 0;
        for (long gap : sorted) {
            if (gap / 1e6 > Summary.TARGET_MILLIS) {
                over++;
            }
        }
        return new Summary(pulses, longest, p99, over, longestFrame / 1e6);
    }
}
