package dev.ringlab.experiment;

/**
 * What became of one request an experiment sent through a {@link Testbed}.
 *
 * @param key          the request key
 * @param slot         the slot the key hashed to (-1 when the testbed cannot tell)
 * @param server       the name of the server that answered, or null when none did
 * @param status       the HTTP status of the answer, 0 when there was none
 * @param latencyNanos how long the request took, as the sender saw it
 * @param attempts     how many servers were tried (more than 1: retried clockwise)
 */
public record Delivery(long key, int slot, String server, int status, long latencyNanos, int attempts) {

    /** Some server answered, whatever it said. */
    public boolean answered() {
        return server != null;
    }

    /** Answered with a 2xx status. */
    public boolean ok() {
        return server != null && status >= 200 && status < 300;
    }

    /** Answered, but not by the first server asked. */
    public boolean retried() {
        return attempts > 1 && server != null;
    }
}
