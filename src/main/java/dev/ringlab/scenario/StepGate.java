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

    private StepGate(boolean playing) {
        this.playing = playing;
    }

    /** A gate that lets every step through: headless play. */
    public static StepGate open() {
        return new StepGate(true);
    }

    /** A gate that waits for Play or Step before the first step. */
    public static StepGate paused() {
        return new StepGate(false);
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
}
