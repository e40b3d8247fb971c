package dev.ringlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Once per pulse, hands the frame's time to everything that paints. Events and counters from other
 * threads wait in queues and adders until then, so a burst of thousands of them costs the FX thread one
 * batch per frame, never one task each. It also keeps the longest gap between two pulses: a gap much
 * above the frame time means the FX thread was blocked or flooded.
 */
final class FramePump extends AnimationTimer {

    private final List<LongConsumer> painters = new CopyOnWriteArrayList<>();
    private long lastPulse;
    private volatile long longestGapNanos;
    private volatile long pulses;
    private volatile long longestFrameNanos;

    void add(LongConsumer painter) {
        painters.add(painter);
    }

    @Override
    public void handle(long now) {
        if (lastPulse != 0) {
            long gap = now - lastPulse;
            if (gap > longestGapNanos) {
                longestGapNanos = gap;
            }
        }
        lastPulse = now;
        pulses++;
        long began = System.nanoTime();
        for (LongConsumer painter : painters) {
            painter.accept(now);
        }
        long took = System.nanoTime() - began;
        if (took > longestFrameNanos) {
            longestFrameNanos = took;
        }
    }

    /** Starts a new measurement of the longest gap; call on the FX thread. */
    void resetGap() {
        longestGapNanos = 0;
        longestFrameNanos = 0;
        lastPulse = 0;
        pulses = 0;
    }

    long longestGapNanos() {
        return longestGapNanos;
    }

    /** The longest time the window's own per-frame work took since the last reset. */
    long longestFrameNanos() {
        return longestFrameNanos;
    }

    long pulses() {
        return pulses;
    }
}
