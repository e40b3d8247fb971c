package dev.ringlab.cluster.docker;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import java.util.List;

/**
 * A RingLab run in a child JVM for the cleanup tests: starts one replica container, prints
 * {@code run <id> <container>} and waits to be ended (SIGTERM: cleaned up; SIGKILL: left behind).
 */
public final class LeftoverRun {

    private LeftoverRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        DockerBackend backend = new DockerBackend(args[0], HealthMonitor.DEFAULT_INTERVAL, line -> { });
        // As serve and the window do: a lab, whose one shutdown hook cleans up on SIGTERM.
        Lab lab = Lab.open(backend, RingConfig.DEFAULT);
        lab.cluster().add(1, List.of("leftover"));
        String container = backend.list().get(0).backendId();
        System.out.println("run " + backend.runId() + " " + container);
        System.out.flush();
        Thread.sleep(120_000); // bounded: a forgotten child ends by itself (and cleans up) within two minutes
        lab.close();
    }
}
