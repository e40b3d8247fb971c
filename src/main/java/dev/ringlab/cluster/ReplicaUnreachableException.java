package dev.ringlab.cluster;

/** The replica did not answer at all (refused, reset, timed out): the balancer tries the next server. */
public final class ReplicaUnreachableException extends Exception {

    public ReplicaUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }

    public ReplicaUnreachableException(String message) {
        super(message);
    }
}
