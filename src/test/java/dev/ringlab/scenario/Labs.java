package dev.ringlab.scenario;

import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.experiment.HttpTestbed;
import dev.ringlab.experiment.InProcessTestbed;
import dev.ringlab.experiment.TestbedFactory;
import dev.ringlab.replica.ReplicaServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The two backends the lesson tests play on, built as the command line builds them. */
final class Labs {

    private Labs() {
    }

    static TestbedFactory simulation() {
        return InProcessTestbed.factory(SimBackend::new);
    }

    /** Real replica processes behind the embedded HTTP balancer. */
    static TestbedFactory processes() {
        return HttpTestbed.embedded(() -> new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL));
    }

    static ScenarioRun play(Scenario scenario, TestbedFactory lab, String backend, Path folder) throws IOException {
        long seed = scenario.seed() == null ? 1 : scenario.seed();
        return new ScenarioPlayer(scenario, lab, backend, folder, seed, ScenarioPlayer.Listener.NONE).play();
    }

    /** Replica processes this JVM started that still run: none may be left after a run. */
    static List<ProcessHandle> replicasStillRunning() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(ReplicaServer.class.getName()))
                .toList();
    }
}
