package dev.ringlab.ui;

import dev.ringlab.ring.RingSnapshot;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The window's own clock, so a teacher can narrate: what the cluster does happens at its speed, what
 * the window shows follows at the teacher's. Ring versions queue here and are shown one at a time,
 * each for at least {@link #DWELL_NANOS} scaled by the speed; Pause freezes the picture and the
 * request flights, Step shows the next version. With "hold after a death" the window pauses itself
 * once it has shown the ring without a dead server, before its replacement joins.
 *
 * <p>Time is passed in (the frame's nanos), so tests drive it without a stage or a clock.
 */
public final class Playback {

    static final long DWELL_NANOS = 900_000_000L;
    static final double MIN_SPEED = 0.25;
    static final double MAX_SPEED = 4;
    /** While playing, a longer queue is skipped to its newest version: the window must not fall minutes behind. */
    static final int MAX_BEHIND = 4;
    /** While paused, versions beyond this are merged into the last one kept. */
    static final int MAX_QUEUED = 64;

    /** One ring version to show, and whether it is the ring without a server that died. */
    record Frame(RingSnapshot ring, boolean afterDeath) {
    }

    private final BooleanProperty paused = new SimpleBooleanProperty(this, "paused");
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1);
    private final BooleanProperty holdAfterDeath = new SimpleBooleanProperty(this, "holdAfterDeath");
    private final ReadOnlyObjectWrapper<RingSnapshot> shown;
    private final ReadOnlyIntegerWrapper waiting = new ReadOnlyIntegerWrapper(this, "waiting");
    private final Deque<Frame> queue = new ArrayDeque<>();
    private long shownAt;
    private long lastFrame;
    private long viewNanos;

    public Playback(RingSnapshot first) {
        shown = new ReadOnlyObjectWrapper<>(this, "shown", first);
        speed.addListener((obs, old, now) -> {
            double clamped = Math.max(MIN_SPEED, Math.min(MAX_SPEED, now.doubleValue()));
            if (clamped != now.doubleValue()) {
                speed.set(clamped);
            }
        });
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** 0.25 to 4; 1 is real time for flights. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    public BooleanProperty holdAfterDeathProperty() {
        return holdAfterDeath;
    }

    /** The ring version on show. */
    public ReadOnlyObjectProperty<RingSnapshot> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** How many versions wait to be shown. */
    public ReadOnlyIntegerProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** A new ring version from the cluster. */
    public void offer(RingSnapshot ring, boolean afterDeath) {
        Frame last = queue.peekLast();
        RingSnapshot newest = last == null ? shown.get() : last.ring();
        if (ring == newest) {
            return;
        }
        if (queue.size() >= MAX_QUEUED) {
            Frame merged = queue.pollLast();
            queue.addLast(new Frame(ring, afterDeath || merged.afterDeath()));
        } else {
            queue.addLast(new Frame(ring, afterDeath));
        }
        waiting.set(queue.size());
    }

    /** Once per frame: advances the view clock and shows the next version when its turn came. */
    public void tick(long now) {
        long delta = lastFrame == 0 ? 0 : now - lastFrame;
        lastFrame = now;
        if (paused.get()) {
            return;
        }
        viewNanos += (long) (delta * speed.get());
        if (queue.size() > MAX_BEHIND) {
            while (queue.size() > 1) {
                queue.pollFirst();
            }
        }
        if (!queue.isEmpty() && (shownAt == 0 || now - shownAt >= DWELL_NANOS / speed.get())) {
            show(queue.pollFirst(), now);
        }
    }

    /** Shows the next version now, paused or not, and moves flights on by one frame's worth at this speed. */
    public void step() {
        viewNanos += (long) (DWELL_NANOS * speed.get() / 3);
        if (!queue.isEmpty()) {
            show(queue.pollFirst(), lastFrame);
        }
    }

    /** The clock request flights move by: stands still while paused, runs at the chosen speed. */
    public long viewNanos() {
        return viewNanos;
    }

    private void show(Frame frame, long now) {
        shownAt = now;
        waiting.set(queue.size());
        shown.set(frame.ring());
        if (frame.afterDeath() && holdAfterDeath.get()) {
            paused.set(true);
        }
    }
}
