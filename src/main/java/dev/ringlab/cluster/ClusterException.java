package dev.ringlab.cluster;

/** A membership request that cannot be carried out as asked; the cluster is unchanged. */
public final class ClusterException extends RuntimeException {

    public ClusterException(String message) {
        super(message);
    }

    public ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
