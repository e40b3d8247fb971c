package dev.ringlab.cluster.docker;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.ring.Server;

/**
 * A RingLab run in a child JVM for the cleanup tests: starts one replica container, prints
 * {@code run <id> <container>} and waits to be ended (SIGTERM: cleaned up; SIGKILL: left behind).
 */
public final class LeftoverRun {

    private LeftoverRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        DockerBackend backend = new DockerBackend(args[0], HealthMonitor.DEFAULT_INTERVAL, line -> { });
        String container = backend.start(new Server(1, "leftover")).backendId();
        System.out.println("run " + backend.runId() + " " + container);
        System.out.flush();
        Thread.sleep(120_000); // bounded: a forgotten child ends by itself (and cleans up) within two minutes
        backend.close();
    }
}
