package dev.ringlab.lab;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that cleans up after labs: a single shutdown hook closes every lab still open
 * (newest first) on Ctrl-C, SIGTERM or a normal exit, so replicas, containers and ports go the same
 * way for every kind of backend. What a killed run left (processes, containers, networks) is
 * reaped when the next backend opens; runs whose owner still lives are never touched.
 */
final class Reaper {

    private static final Set<Lab> OPEN = new LinkedHashSet<>();
    private static Thread hook;

    private Reaper() {
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
