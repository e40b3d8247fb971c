package dev.ringlab.cli;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.balancer.ClientTimeouts;
import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.balancer.LivePlacement;
import dev.ringlab.cluster.Backend;
import dev.ringlab.cluster.swarm.SwarmFollower;
import dev.ringlab.lab.Lab;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.algorithm.Algorithm;
import dev.ringlab.ring.algorithm.PlacementSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code ringlab serve}: the balancer and its replicas, headless, until Ctrl-C or SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Runs the load balancer and its replicas until Ctrl-C, logging membership events.")
final class ServeCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "5000", description = "Balancer port (0 picks a free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on (default ${DEFAULT-VALUE}); anything but loopback needs --admin-token.")
    String bind;

    @Option(names = "--replicas", paramLabel = "N", defaultValue = "3", description = "Replicas to start (default ${DEFAULT-VALUE}).")
    int replicas;

    @Option(names = "--backend", paramLabel = "KIND", defaultValue = "auto", converter = Backends.ChoiceConverter.class,
            description = "Where replicas run: auto (Docker when an engine answers, else processes), docker, swarm, process"
                    + " or sim (default ${DEFAULT-VALUE}).")
    Backends.Choice backend;

    @Option(names = "--image", paramLabel = "IMAGE",
            description = "Swarm: the replica image every node pulls from a registry (default: RingLab's own, built on"
                    + " this engine; for several nodes see 'ringlab images save' and docs/swarm.md).")
    String image;

    @Option(names = "--follow-swarm", paramLabel = "RUN", arity = "0..1", fallbackValue = "",
            description = "Start no servers: follow the Swarm services of a RingLab run (its id, or none for the only"
                    + " run in the swarm) and route by the same ring as the balancer that owns it.")
    String followRun;





    @CommandLine.Mixin
    RingOptions ringOptions;

    @Option(names = "--heartbeat-ms", paramLabel = "MS", defaultValue = "200", description = "Heartbeat interval in ms (default ${DEFAULT-VALUE}).")
    int heartbeatMs;

    @Option(names = {"--fall", "--misses"}, paramLabel = "N", defaultValue = "3",
            description = "Missed heartbeats in a row before a replica is declared dead and replaced, as HAProxy's fall"
                    + " (default ${DEFAULT-VALUE}, HAProxy's: a kill is noticed in about 0.6 s, a hang in about 2 s).")
    int misses;

    @Option(names = "--rise", paramLabel = "N", defaultValue = "2",
            description = "Heartbeats answered in a row before a server that missed some is trusted again, as HAProxy's rise; "
                    + "1 forgets misses at the first answer (default ${DEFAULT-VALUE}).")
    int rise;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "Token required by /add and /rm (header 'Authorization: Bearer <token>'); "
            + "other users see it in ps: prefer --admin-token-file or " + AdminToken.ENV + ".")
    String adminToken;

    @Option(names = "--admin-token-file", paramLabel = "FILE", description = "Reads the admin token from the first line of FILE.")
    java.nio.file.Path adminTokenFile;

    @Option(names = "--generate-admin-token", description = "Without a token from the flags or " + AdminToken.ENV
            + ", generates one and prints it once.")
    boolean generateAdminToken;

    @Option(names = "--header-timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "A request header must arrive within TIME of its first byte, e.g. 500ms, 10s, 2m (default ${DEFAULT-VALUE}).")
    String headerTimeout;

    @Option(names = "--body-timeout", paramLabel = "TIME", defaultValue = "60s",
            description = "Longest pause between two reads of a request body (default ${DEFAULT-VALUE}).")
    String bodyTimeout;

    @Option(names = "--idle-timeout", paramLabel = "TIME", defaultValue = "75s",
            description = "A keep-alive connection without a request is closed after TIME (default ${DEFAULT-VALUE}).")
    String idleTimeout;

    @Option(names = "--try-timeout", paramLabel = "TIME", defaultValue = "10s",
            description = "Longest wait for one replica before the request goes on to the next server clockwise, "
                    + "e.g. 1s: a frozen server then costs a client at most TIME (default ${DEFAULT-VALUE}).")
    String tryTimeout;

    @Option(names = "--eject-after", paramLabel = "N", defaultValue = "0",
            description = "Passive health: a server whose answers fail N times in a row (5xx, no answer, a try timeout) "
                    + "is skipped for a while, as Envoy's outlier detection; 0 is off (default ${DEFAULT-VALUE}).")
    int ejectAfter;

    @Option(names = "--eject-time", paramLabel = "TIME", defaultValue = "5s",
            description = "How long the first ejection lasts; each further one of the same server lasts one more TIME (default ${DEFAULT-VALUE}).")
    String ejectTime;

    @Option(names = "--algorithm", paramLabel = "NAME", defaultValue = "ring",
            description = "Placement: ring, jump, rendezvous, maglev or bounded (default ${DEFAULT-VALUE}); "
                    + "switch live with POST /algorithm {\"algorithm\":\"maglev\"}.")
    String algorithm;

    @Option(names = "--maglev-size", paramLabel = "PRIME", defaultValue = "65537",
            description = "Maglev table size, a prime (default ${DEFAULT-VALUE}).")
    int maglevSize;

    @Option(names = {"--balance-factor", "--load-factor"}, paramLabel = "C", defaultValue = "1.25",
            description = "Bounded loads' c, above 1 and at most 100 (HAProxy's hash-balance-factor / 100): no server above "
                    + "c times the average in-flight load (default ${DEFAULT-VALUE}).")
    double loadFactor;

    @Option(names = "--weights", paramLabel = "WEIGHTS", split = ",",
            description = "Initial weight (capacity) of each replica, one whole number of at least 1 per replica, "
                    + "e.g. 1,2,1; without --replicas it sets their number (default: all 1).")
    java.util.List<String> weights;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "" + BalancerEndpoint.DEFAULT_THREADS,
            description = "Balancer event-loop threads (default: one per core).")
    int workers;

    @Override
    public Integer call() throws Exception {
        RingConfig config = ringOptions.config();
        Algorithm chosen = algorithm();
        InetAddress address = bindAddress();
        checkRange("--port", port, 0, 65535);
        java.util.List<Integer> initialWeights = initialWeights(config);
        checkRange("--replicas", replicas, 1, config.maxServers());
        checkRange("--heartbeat-ms", heartbeatMs, 10, 60_000);
        checkRange("--fall", misses, 1, 100);
        checkRange("--rise", rise, 1, 100);
        checkRange("--threads", workers, 0, 256);
        AdminToken token = adminToken();
        ClientTimeouts timeouts = timeouts();
        java.time.Duration perTry = tryTimeout();
        checkRange("--eject-after", ejectAfter, 0, 1000);
        java.time.Duration ejection = duration("--eject-time", ejectTime);
        if (ejection.toMillis() < 10 || ejection.toMillis() > 300_000) {
            throw usage("--eject-time must be between 10 ms and 5 min, got " + ejectTime);
        }
        if (!address.isLoopbackAddress() && token.token() == null) {
            throw usage("--bind " + bind + " is not loopback: give --admin-token (or --admin-token-file, "
                    + AdminToken.ENV + ", --generate-admin-token) so that only you can /add and /rm");
        }
        boolean following = followRun != null;
        checkFollowing(following);
        // Last of the checks: a bad flag is a usage error (exit 2) whatever else holds the port.
        checkPortFree(address);
        Duration heartbeat = Duration.ofMillis(heartbeatMs);
        PrintWriter out = spec.commandLine().getOut();
        Backend replicasBackend;
        SwarmFollower follower = null;
        try {
            Consumer<String> notes = note -> {
                out.println(LocalTime.now().format(TIME) + " " + note);
                out.flush();
            };
            if (following) {
                follower = new SwarmFollower(followRun, heartbeat);
                replicasBackend = follower;
            } else {
                replicasBackend = Backends.create(backend.resolve(notes), heartbeat, notes, image);
            }
        } catch (IllegalArgumentException unavailable) {
            throw usage(unavailable.getMessage());
        }
        Lab lab = Lab.open(replicasBackend, config, heartbeat, misses, rise, event -> {
            out.println(LocalTime.now().format(TIME) + " " + event.describe());
            out.flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread cleanup = new Thread(() -> {
            out.println(LocalTime.now().format(TIME) + " stopping: balancer, heartbeats, replicas");
            out.flush();
            lab.close();
            stopped.countDown();
        }, "ringlab-serve-stop");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            BalancerEndpoint endpoint;
            if (following) {
                // The owner detects and replaces; this balancer mirrors its services (see SwarmFollower),
                // so it watches no health of its own.
                follower.follow(lab.cluster());
                endpoint = lab.serve(new FailoverRoute(lab.cluster(),
                        new LivePlacement(lab.cluster(), chosen, maglevSize, loadFactor)).tryTimeout(perTry).ejectAfter(ejectAfter, ejection),
                        new InetSocketAddress(address, port), token.token(), workers, timeouts);
            } else {
                // The port opens only once the first replicas have joined: a client (or a compose health
                // check) that waits for the port gets N replicas from its first request, never an empty ring.
                out.println(LocalTime.now().format(TIME) + " starting " + replicas + " replicas ("
                        + replicasBackend.kind().label() + "); " + bind + ":" + port + " opens once they have joined");
                out.flush();
                lab.startServers(replicas, initialWeights);
                endpoint = lab.serve(new FailoverRoute(lab.cluster(),
                        new LivePlacement(lab.cluster(), chosen, maglevSize, loadFactor)).tryTimeout(perTry).ejectAfter(ejectAfter, ejection),
                        new InetSocketAddress(address, port), token.token(), workers, timeouts);
            }
            if (token.generated()) {
                out.println("admin token (generated, give it as 'Authorization: Bearer <token>'): " + token.token());
            }
            out.println("RingLab balancer on " + endpoint.address() + (following
                    ? " following run " + follower.runId() + " (" + lab.cluster().ring().size() + " replicas now, Swarm, "
                    : " with " + replicas + " replicas (" + replicasBackend.kind().label() + ", ")
                    + config.hash().name() + " hash, " + chosen.label() + " placement); Ctrl-C stops");
            out.flush();
        } catch (BindException inUse) {
            removeHook(cleanup);
            lab.close();
            throw new IOException("cannot listen on " + bind + ":" + port + ": " + inUse.getMessage()
                    + " (choose another --port)");
        } catch (RuntimeException | IOException failure) {
            removeHook(cleanup);
            lab.close();
            throw failure;
        }
        stopped.await();
        return 0;
    }

    /** A following balancer starts no servers and runs on Swarm only; --image is for Swarm. */
    private void checkFollowing(boolean following) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (following && parsed.hasMatchedOption("--replicas")) {
            throw usage("--follow-swarm starts no servers: drop --replicas (the owning balancer sets their number)");
        }
        if (following && parsed.hasMatchedOption("--backend") && backend != Backends.Choice.SWARM) {
            throw usage("--follow-swarm follows Swarm services: drop --backend " + backend.option() + " (or say swarm)");
        }
        if (following && image != null) {
            throw usage("--follow-swarm starts no servers: drop --image");
        }
        if (!following && image != null && backend != Backends.Choice.SWARM) {
            throw usage("--image names the replica image of Swarm services: add --backend swarm");
        }
        if (image != null && image.isBlank()) {
            throw usage("--image must name an image, e.g. registry.example:5000/ringlab-replica:" + Version.current());
        }
    }

    /** The port is taken only after the replicas join; a port in use is said before they start, not after. */
    private void checkPortFree(InetAddress address) throws IOException {
        if (port == 0) {
            return;
        }
        // A bound but never listening socket: a ServerSocket would listen, and a client waiting for the
        // port (a compose health check) could connect to the probe and then be refused once it closes.
        // Linux refuses the bind while a listener holds the port, even with SO_REUSEADDR.
        try (java.net.Socket probe = new java.net.Socket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(address, port));
        } catch (BindException inUse) {
            throw new IOException("cannot listen on " + bind + ":" + port + ": " + inUse.getMessage()
                    + " (choose another --port)");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs already and stops everything
        }
    }

    /**
     * The replicas' weights from {@code --weights}, one per replica (their number when --replicas is not
     * given), each at least 1, all together within the ring's room; empty without the flag.
     */
    private java.util.List<Integer> initialWeights(RingConfig config) {
        if (weights == null) {
            return java.util.List.of();
        }
        if (followRun != null) {
            throw usage("--follow-swarm starts no servers: drop --weights");
        }
        java.util.List<Integer> parsed = new java.util.ArrayList<>();
        for (String text : weights) {
            int weight;
            try {
                weight = Integer.parseInt(text.trim());
            } catch (NumberFormatException notWhole) {
                weight = 0;
            }
            if (weight < 1) {
                throw usage("--weights must be whole numbers of at least 1, one per replica (e.g. 1,2,1), got '"
                        + text.trim() + "'");
            }
            parsed.add(weight);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--replicas")) {
            if (parsed.size() != replicas) {
                throw usage("--weights lists " + parsed.size() + " weights for --replicas " + replicas
                        + ": give one per replica");
            }
        } else {
            replicas = parsed.size();
        }
        long total = parsed.stream().mapToLong(Integer::longValue).sum();
        if (total > config.maxServers()) {
            throw usage("--weights total " + total + ": the ring has room for a total weight of " + config.maxServers()
                    + " (" + config.slots() + " slots, " + config.virtualNodesPerServer() + " virtual nodes per unit of weight)");
        }
        return java.util.List.copyOf(parsed);
    }

    /** The algorithm and its knobs, checked before anything starts. */
    private Algorithm algorithm() {
        if (!(loadFactor > 1.0) || loadFactor > 100) {
            throw usage("--balance-factor (bounded loads' c) must be above 1 and at most 100 (e.g. 1.25), got " + loadFactor);
        }
        try {
            Algorithm chosen = Algorithm.byName(algorithm);
            new PlacementSettings(RingConfig.DEFAULT, maglevSize, loadFactor);
            return chosen;
        } catch (IllegalArgumentException invalid) {
            throw usage(invalid.getMessage());
        }
    }

    private AdminToken adminToken() {
        try {
            return AdminToken.resolve(adminToken, adminTokenFile, generateAdminToken, System.getenv());
        } catch (IllegalArgumentException refused) {
            throw usage(refused.getMessage());
        }
    }

    private ClientTimeouts timeouts() {
        java.time.Duration header = duration("--header-timeout", headerTimeout);
        java.time.Duration body = duration("--body-timeout", bodyTimeout);
        java.time.Duration idle = duration("--idle-timeout", idleTimeout);
        try {
            return new ClientTimeouts(header, body, idle);
        } catch (IllegalArgumentException invalid) {
            throw usage("--" + invalid.getMessage().replaceFirst(" timeout", "-timeout"));
        }
    }

    private java.time.Duration tryTimeout() {
        java.time.Duration perTry = duration("--try-timeout", tryTimeout);
        if (perTry.compareTo(FailoverRoute.MIN_TRY_TIMEOUT) < 0 || perTry.compareTo(FailoverRoute.MAX_TRY_TIMEOUT) > 0) {
            throw usage("--try-timeout must be between " + FailoverRoute.MIN_TRY_TIMEOUT.toMillis() + " ms and "
                    + FailoverRoute.MAX_TRY_TIMEOUT.toSeconds() + " s, got " + tryTimeout);
        }
        return perTry;
    }

    private java.time.Duration duration(String option, String text) {
        try {
            return ClientTimeouts.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw usage(option + ": " + invalid.getMessage());
        }
    }

    private InetAddress bindAddress() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException unknown) {
            throw usage("--bind " + bind + " is not an address of this machine");
        }
    }

    private void checkRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw usage(option + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
