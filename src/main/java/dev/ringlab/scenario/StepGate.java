package dev.ringlab.scenario;

import java.util.concurrent.CancellationException;

/**
 * Play, Pause and Step for a scenario played in front of a class: the player asks the gate before
 * each step, and a teacher's buttons open it for good (Play), close it after the current step
 * (Pause), or let exactly one more step through (Step). Thread-safe; the buttons never block.
 * Headless runs use {@link #open()}, which never waits.
 */
public final class StepGate {

    private boolean playing;
    private int stepsAllowed;
    private boolean waiting;
    /** A window's gate also holds the lesson's last state on screen until the teacher lets it go. */
    private final boolean holdsTheEnd;
    private boolean heldAtEnd;
    private boolean released;

    private StepGate(boolean playing, boolean holdsTheEnd) {
        this.playing = playing;
        this.holdsTheEnd = holdsTheEnd;
    }

    /** A gate that lets every step through: headless play. */
    public static StepGate open() {
        return new StepGate(true, false);
    }

    /** A gate that waits for Play or Step before the first step. */
    public static StepGate paused() {
        return new StepGate(false, false);
    }

    /**
     * A gate that waits for Play or Step before the first step and, after the last, keeps the lab as the
     * lesson left it (the ring a teacher is talking over) until {@link #release()}: a window's lessons.
     */
    public static StepGate pausedHoldingTheEnd() {
        return new StepGate(false, true);
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

    public synchronized void play() {
        playing = true;
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

    /** Blocks the player until the next step may start; an interrupt (stop) ends the wait. */
    synchronized void awaitTurn() {
        try {
            while (!playing && stepsAllowed == 0) {
                waiting = true;
                wait();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped");
        } finally {
            waiting = false;
        }
        if (!playing) {
            stepsAllowed--;
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
