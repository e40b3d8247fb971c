package dev.ringlab.testing;

/**
 * Time that must pass because a client or a child program behaves so (a request every 150 ms, a fault
 * every 400 ms, a leftover run that lives two minutes at most), not a wait for something to happen:
 * those wait with Awaitility. The one place tests may sleep, named in
 * {@code WaitingTest}.
 */
public final class ClientPace {

    private ClientPace() {
    }

    /** Lets {@code millis} pass; an interrupt ends the pause early and stays set. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
