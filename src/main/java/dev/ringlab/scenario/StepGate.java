package dev.ringlab.scenario;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Play, Pause and Step for a scenario played in front of a class: the player asks the gate before
 * each step, and a teacher's buttons open it for good (Play), close it after the current step
 * (Pause), or let exactly one more step through (Step). Thread-safe; the buttons never block.
 * Headless runs use {@link #open()}, which never waits. A window's gate may also <em>dwell</em>: under
 * Play, a captioned step stays on screen that long before the next starts (a kill, its detection and the
 * release would otherwise pass in a few milliseconds); Step goes on at once.
 */
public final class StepGate {

    private boolean playing;
    private int stepsAllowed;
    private boolean waiting;
    /** A window's gate also holds the lesson's last state on screen until the teacher lets it go. */
    private final boolean holdsTheEnd;
    private boolean heldAtEnd;
    private boolean released;
    /** How long Play leaves a captioned step on screen, asked after each step (a speed control may change it). */
    private final Supplier<Duration> dwell;
    /** When Play may start the next step ({@link System#nanoTime()}), if a captioned step's dwell runs. */
    private long dueNanos;
    private boolean dwelling;

    private StepGate(boolean playing, boolean holdsTheEnd, Supplier<Duration> dwell) {
        this.playing = playing;
        this.holdsTheEnd = holdsTheEnd;
        this.dwell = dwell;
    }

    /** A gate that lets every step through: headless play. */
    public static StepGate open() {
        return new StepGate(true, false, () -> Duration.ZERO);
    }

    /** A gate that waits for Play or Step before the first step. */
    public static StepGate paused() {
        return new StepGate(false, false, () -> Duration.ZERO);
    }

    /**
     * A gate that waits for Play or Step before the first step and, after the last, keeps the lab as the
     * lesson left it (the ring a teacher is talking over) until {@link #release()}: a window's lessons.
     */
    public static StepGate pausedHoldingTheEnd() {
        return pausedHoldingTheEnd(() -> Duration.ZERO);
    }

    /** The same, and under Play each captioned step stays on screen for {@code dwell} before the next. */
    public static StepGate pausedHoldingTheEnd(Supplier<Duration> dwell) {
        return new StepGate(false, true, dwell);
    }

    /** Lets a lesson held after its last step end: its servers are given back. */
    public synchronized void release() {
        released = true;
        notifyAll();
    }

    /** Whether the player has played the last step and waits for {@link #release()}. */
    public synchronized boolean heldAtEnd() {
        return heldAtEnd;
    }

    /** Plays on; a dwell under way ends at once (the teacher asked to go on). */
    public synchronized void play() {
        playing = true;
        dwelling = false;
        notifyAll();
    }

    /** The step under way finishes; the next waits. */
    public synchronized void pause() {
        playing = false;
        stepsAllowed = 0;
    }

    /** Lets one more step through, then waits again. */
    public synchronized void step() {
        stepsAllowed++;
        notifyAll();
    }

    public synchronized boolean playing() {
        return playing;
    }

    /** Whether the player is waiting here for Play or Step (a window greys out Pause then). */
    public synchronized boolean waiting() {
        return waiting;
    }

    /** The player played a step: a captioned one starts the dwell Play waits out before the next. */
    synchronized void played(boolean captioned) {
        Duration time = dwell.get();
        dwelling = captioned && !time.isNegative() && !time.isZero();
        dueNanos = System.nanoTime() + (dwelling ? time.toNanos() : 0);
    }

    /**
     * Blocks the player until the next step may start: Play once the dwell is over, or a Step at once;
     * an interrupt (stop) ends the wait.
     */
    synchronized void awaitTurn() {
        try {
            while (true) {
                if (!playing && stepsAllowed > 0) {
                    stepsAllowed--;
                    break;
                }
                long left = dueNanos - System.nanoTime();
                if (playing && (!dwelling || left <= 0)) {
                    break;
                }
                waiting = !playing; // dwelling under Play is not waiting for a button: Pause stays usable
                if (playing) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                } else {
                    wait();
                }
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped");
        } finally {
            waiting = false;
            dwelling = false;
        }
    }

    /** After the last step: waits for {@link #release()} if this gate holds the end; a stop ends the wait too. */
    synchronized void awaitRelease() {
        if (!holdsTheEnd) {
            return;
        }
        heldAtEnd = true;
        try {
            while (!released) {
                wait();
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        } finally {
            heldAtEnd = false;
        }
    }
}
