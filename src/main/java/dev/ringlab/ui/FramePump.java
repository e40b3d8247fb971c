package dev.ringlab.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import javafx.animation.AnimationTimer;

/**
 * Once per pulse, hands the frame's time to everything that paints. Events and counters from other
 * threads wait in queues and adders until then, so a burst of thousands of them costs the FX thread one
 * batch per frame, never one task each. It also records the gaps between pulses: a gap much above the
 * frame time means the FX thread was blocked or flooded, or the renderer could not keep up.
 */
final class FramePump extends AnimationTimer {

    private final List<LongConsumer> painters = new CopyOnWriteArrayList<>();
    private PulseGaps gaps = new PulseGaps();
    private long lastPulse;

    void add(LongConsumer painter) {
        painters.add(painter);
    }

    @Override
    public void handle(long now) {
        long gap = lastPulse == 0 ? -1 : now - lastPulse;
        lastPulse = now;
        long began = System.nanoTime();
        for (LongConsumer painter : painters) {
            painter.accept(now);
        }
        gaps.pulse(gap, System.nanoTime() - began);
    }

    /** Starts a new measurement of the gaps; on the FX thread. */
    void resetGaps() {
        gaps = new PulseGaps();
        lastPulse = 0;
    }

    /** The gaps since the last reset; on the FX thread. */
    PulseGaps.Summary gaps() {
        return gaps.summary();
    }
}
