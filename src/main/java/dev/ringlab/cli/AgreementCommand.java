package dev.ringlab.cli;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.lab.Lab;
import dev.ringlab.cluster.Member;
import dev.ringlab.cluster.MemberState;
import dev.ringlab.cluster.swarm.SwarmBackend;
import dev.ringlab.cluster.swarm.SwarmFollower;
import dev.ringlab.experiment.agreement.AgreementFiles;
import dev.ringlab.experiment.agreement.AgreementReport;
import dev.ringlab.experiment.agreement.AgreementRun;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code experiment agreement}: two balancers over one swarm, one owning the servers and one
 * following their services, through a series of kills, additions and removals; how many keys they
 * route differently, and for how long after each change.
 */
@Command(name = "agreement", mixinStandardHelpOptions = true,
        description = {"Two balancers share one membership through Docker Swarm (one owns the services, one follows"
                + " them): kills, additions and removals at the owner, and how many keys the two route differently"
                + " and for how long after each change.",
                "Needs an engine that is a swarm manager (docker swarm init). Writes agreement.csv and agreement.md."})
final class AgreementCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    RingOptions ringOptions;

    @Option(names = "--servers", paramLabel = "N", defaultValue = "3", description = "Servers the owner starts (default: ${DEFAULT-VALUE}).")
    int servers;

    @Option(names = "--changes", paramLabel = "N", defaultValue = "6",
            description = "Membership changes, in turn kill, add, remove (default: ${DEFAULT-VALUE}).")
    int changes;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "10000", description = "Keys compared in every sample (default: ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--period-ms", paramLabel = "MS", defaultValue = "5", description = "Sampling period in ms (default: ${DEFAULT-VALUE}).")
    int periodMs;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "200",
            description = "Heartbeats of the owner, and how often the follower asks the manager (default: ${DEFAULT-VALUE}).")
    int heartbeatMs;

    @Option(names = "--image", paramLabel = "IMAGE", description = "A registry image for the replicas (default: RingLab's own).")
    String image;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the keys and of the servers picked (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out", description = "Output folder (default: ${DEFAULT-VALUE}).")
    String out;

    @Override
    public Integer call() throws Exception {
        RingConfig config = ringOptions.config();
        check("--servers", servers, 2, 20);
        check("--changes", changes, 1, 100);
        check("--keys", keys, 1, 1_000_000);
        check("--period-ms", periodMs, 1, 1000);
        check("--heartbeat-ms", heartbeatMs, 10, 60_000);
        Path folder = ExperimentCommand.outputFolder(out, spec.commandLine());
        PrintWriter say = spec.commandLine().getOut();
        Duration heartbeat = Duration.ofMillis(heartbeatMs);
        SwarmBackend backend = new SwarmBackend(Version.current(), image, heartbeat, note -> log(say, note));
        // A lab, as serve has: dead runs' services reaped first, and Ctrl-C removes this run's.
        Lab lab = Lab.open(backend, config, heartbeat, HealthMonitor.DEFAULT_MISSES,
                event -> log(say, "owner:    " + event.describe()));
        Cluster owner = lab.cluster();
        Lab followingLab = null;
        try {
            lab.startServers(servers);
            SwarmFollower follower = new SwarmFollower(backend.runId(), heartbeat);
            // The follower is a lab too, as serve --follow-swarm's is: it mirrors the owner's services and
            // watches no health of its own (the owner detects and replaces).
            followingLab = Lab.open(follower, config, heartbeat, HealthMonitor.DEFAULT_MISSES,
                    event -> log(say, "follower: " + event.describe()));
            Cluster following = followingLab.cluster();
            follower.follow(following);
            AgreementRun run = new AgreementRun(owner::ring, following::ring, keys, seed, Duration.ofMillis(periodMs),
                    Duration.ofMillis(Math.max(1000, 5L * heartbeatMs)), Duration.ofSeconds(120));
            AgreementReport report = run.run(churn(owner, new Random(seed)));
            String title = "Two balancers, one owning and one following run " + backend.runId() + " ("
                    + servers + " servers, " + config.hash().name() + " hash, " + keys + " keys, every " + periodMs + " ms)";
            say.println(AgreementFiles.markdown(report, title));
            for (Path written : AgreementFiles.write(report, title, folder)) {
                say.println("wrote " + written);
            }
            say.flush();
            return 0;
        } finally {
            if (followingLab != null) {
                followingLab.close();
            }
            lab.close();
        }
    }

    /** Kill, add, remove, in turn, at the owner; each returns once the owner's ring is whole again. */
    private List<AgreementRun.Change> churn(Cluster owner, Random random) {
        List<AgreementRun.Change> churn = new ArrayList<>();
        for (int i = 0; i < changes; i++) {
            switch (i % 3) {
                case 0 -> churn.add(() -> {
                    List<Server> up = owner.ring().servers();
                    Server victim = up.get(random.nextInt(up.size()));
                    killAndAwaitReplacement(owner, victim);
                    return "kill " + victim;
                });
                case 1 -> churn.add(() -> "add " + owner.add(1, List.of()).get(0));
                default -> churn.add(() -> "remove " + owner.remove(1, List.of()).get(0));
            }
        }
        return churn;
    }

    private static void killAndAwaitReplacement(Cluster owner, Server victim) {
        int size = owner.ring().size();
        owner.kill(victim.name());
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (owner.member(victim.name()).isPresent() || owner.ring().size() < size
                || owner.members().stream().anyMatch(m -> m.state() != MemberState.UP)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(victim + " was not replaced within 90 s: "
                        + owner.members().stream().map(Member::toString).toList());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", interrupted);
            }
        }
    }

    private static synchronized void log(PrintWriter out, String line) {
        out.println(LocalTime.now().format(TIME) + " " + line);
        out.flush();
    }

    private void check(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
