package dev.ringlab.lab;

import dev.ringlab.cluster.Backend;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that cleans up after labs: a single shutdown hook closes every lab still open
 * (newest first) on Ctrl-C, SIGTERM or a normal exit, so replicas, containers and ports go the same
 * way for every kind of backend (the backends carry no hooks of their own). What a killed run left
 * (processes, containers, networks) is reaped when the next lab on that kind of backend opens;
 * runs whose owner still lives are never touched.
 */
final class Reaper {

    private static final Logger LOG = LoggerFactory.getLogger(Reaper.class);
    private static final Set<Lab> OPEN = new LinkedHashSet<>();
    private static Thread hook;

    private Reaper() {
    }

    /**
     * Ends what dead runs left on {@code backend}'s kind of place: a run killed with kill -9 could
     * not clean up. A failure to reap is no reason not to open the lab.
     */
    static void reapDeadRuns(Backend backend) {
        try {
            backend.reapDeadRuns();
        } catch (RuntimeException failure) {
            LOG.warn("could not reap what dead runs left: {}", failure.getMessage());
        }
    }

    static synchronized void register(Lab lab) {
        OPEN.add(lab);
        if (hook == null) {
            hook = new Thread(Reaper::closeAll, "ringlab-lab-reaper");
            Runtime.getRuntime().addShutdownHook(hook);
        }
    }

    static synchronized void forget(Lab lab) {
        OPEN.remove(lab);
    }

    private static void closeAll() {
        List<Lab> open;
        synchronized (Reaper.class) {
            open = new ArrayList<>(OPEN);
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
