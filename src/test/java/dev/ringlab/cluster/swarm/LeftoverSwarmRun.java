package dev.ringlab.cluster.swarm;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import java.util.List;

/**
 * A Swarm run in a child JVM for the cleanup tests: starts one replica service, prints
 * {@code run <id> <service>} and waits to be ended (SIGTERM: cleaned up; SIGKILL: left behind).
 */
public final class LeftoverSwarmRun {

    private LeftoverSwarmRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        SwarmBackend backend = new SwarmBackend(args[0], null, HealthMonitor.DEFAULT_INTERVAL, line -> { });
        // As serve and the window do: a lab, whose one shutdown hook cleans up on SIGTERM.
        Lab lab = Lab.open(backend, RingConfig.DEFAULT);
        lab.cluster().add(1, List.of("leftover"));
        String service = backend.list().get(0).backendId();
        System.out.println("run " + backend.runId() + " " + service);
        System.out.flush();
        dev.ringlab.testing.ClientPace.pause(120_000); // bounded: a forgotten child ends by itself (and cleans up) within two minutes
        lab.close();
    }
}
