package dev.ringlab.cluster.swarm;

import java.util.Locale;
import java.util.Set;

/**
 * One task of a replica's service as the manager reports it: where it was scheduled, how far it got,
 * and the host port it published. docker-java 3.7 has no field for the published port of a task
 * (the API's {@code Status.PortStatus}), so {@link SwarmEngine} reads tasks as JSON itself.
 *
 * @param state         the task's state in lower case: new, pending, assigned, ..., running, failed, rejected
 * @param error         why it failed or was rejected ({@code No such image: ...}), or empty
 * @param containerId   its container on its node once created, or empty
 * @param publishedPort the host port of its node that reaches the replica, or 0 before it runs
 */
record SwarmTask(String id, String serviceId, String nodeId, String state, String error, String message,
                 String containerId, int publishedPort) {

    /** States a task never leaves: with restart-condition none nothing takes its place. */
    private static final Set<String> ENDED = Set.of("complete", "shutdown", "failed", "rejected", "orphaned", "remove");

    SwarmTask {
        state = state == null ? "" : state.toLowerCase(Locale.ROOT);
        error = error == null ? "" : error;
        message = message == null ? "" : message;
        containerId = containerId == null ? "" : containerId;
        nodeId = nodeId == null ? "" : nodeId;
    }

    boolean running() {
        return state.equals("running") && publishedPort > 0;
    }

    boolean ended() {
        return ENDED.contains(state);
    }

    /** The engine's words for a node that does not have the image. */
    boolean missingImage() {
        String text = (error + " " + message).toLowerCase(Locale.ROOT);
        return text.contains("no such image") || text.contains("pull access denied")
                || text.contains("manifest unknown") || text.contains("not found");
    }

    /** What went wrong, in one line, for a task that ended. */
    String why() {
        String text = error.isBlank() ? message : error;
        return state + (text.isBlank() ? "" : ": " + text.strip().lines().findFirst().orElse(""));
    }
}
