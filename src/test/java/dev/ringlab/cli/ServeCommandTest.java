package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cli.ExperimentCommandTest.Run;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code ringlab serve}: bad flags, and a real serve JVM that leaves no replica process behind. */
class ServeCommandTest {

    private static final Pattern LISTENING = Pattern.compile("RingLab balancer on (http://[0-9.:]+)");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--port 70000                   | --port must be between 0 and 65535, got 70000",
        "--replicas 0                   | --replicas must be between 1 and 56, got 0",
        "--heartbeat-ms 0               | --heartbeat-ms must be between 10 and 60000, got 0",
        "--misses 0                     | --fall must be between 1 and 100, got 0",
        "--fall 101                     | --fall must be between 1 and 100, got 101",
        "--rise 0                       | --rise must be between 1 and 100, got 0",
        "--try-timeout 5ms              | --try-timeout must be between 10 ms and 60 s, got 5ms",
        "--try-timeout 2m               | --try-timeout must be between 10 ms and 60 s, got 2m",
        "--eject-after -1               | --eject-after must be between 0 and 1000, got -1",
        "--eject-time 6m                | --eject-time must be between 10 ms and 5 min, got 6m",
        "--hash sha1                    | unknown hash function 'sha1' (known: assignment, assignment-v2, murmur3)",
        "--vnodes 0                     | virtual nodes per server must be at least 1, got 0",
        "--bind 0.0.0.0                 | --bind 0.0.0.0 is not loopback: give --admin-token",
        "--bind no.such.host.invalid    | --bind no.such.host.invalid is not an address of this machine",
        "--backend cloud                | Invalid value for option '--backend'",
        "--port x                       | Invalid value for option '--port'",
        "--admin-token=                 | --admin-token is empty: give a token",
        "--admin-token-file /no/such/file | --admin-token-file /no/such/file cannot be read",
        "--admin-token x --admin-token-file /etc/hostname | give --admin-token or --admin-token-file, not both",
        "--header-timeout 5ms           | --header-timeout must be between 10 ms and 1 h, got 5 ms",
        "--idle-timeout 2h              | --idle-timeout: '2h' is not a duration: write it like 500ms, 10s or 2m",
        "--body-timeout 61m             | --body-timeout must be between 10 ms and 1 h, got 3660 s",
        "--balance-factor 1             | --balance-factor (bounded loads' c) must be above 1 and at most 100 (e.g. 1.25), got 1.0",
        "--balance-factor 0.5           | --balance-factor (bounded loads' c) must be above 1 and at most 100 (e.g. 1.25), got 0.5",
        "--balance-factor 101           | --balance-factor (bounded loads' c) must be above 1 and at most 100 (e.g. 1.25), got 101.0",
        "--balance-factor NaN           | --balance-factor (bounded loads' c) must be above 1 and at most 100 (e.g. 1.25), got NaN",
        "--weights 1,0,1                | --weights must be whole numbers of at least 1, one per replica (e.g. 1,2,1), got '0'",
        "--weights 1,x                  | --weights must be whole numbers of at least 1, one per replica (e.g. 1,2,1), got 'x'",
        "--weights 1,2 --replicas 3     | --weights lists 2 weights for --replicas 3: give one per replica",
        "--weights 30,30                | --weights total 60: the ring has room for a total weight of 56 (512 slots, 9 virtual nodes per unit of weight)",
    })
    void badFlagsAreOneLineAndExitTwo(String flags, String message) {
        List<String> args = new java.util.ArrayList<>(List.of("serve"));
        args.addAll(List.of(flags.trim().split("\\s+")));

        Run run = ExperimentCommandTest.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    /** A port another program listens on is said before any replica starts, and the listener keeps its port. */
    @Test
    void aPortInUseIsSaidBeforeAnyReplicaStarts() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Run run = ExperimentCommandTest.run("serve", "--backend", "process", "--port",
                    Integer.toString(taken.getLocalPort()));

            assertThat(run.exitCode()).isNotZero();
            assertThat(run.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(), "choose another --port");
            assertThat(run.out()).doesNotContain("starting");
            assertThat(accepts(taken.getLocalPort())).isTrue();
        }
    }

    @Test
    void sigtermStopsServeAndEveryReplicaProcess() throws Exception {
        Serve serve = Serve.start(2);
        try {
            assertThat(get(serve.url + "/rep")).contains("\"N\":2");
            List<ProcessHandle> replicas = serve.replicas();
            assertThat(replicas).hasSize(2);

            serve.process.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)

            assertThat(serve.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            for (ProcessHandle replica : replicas) {
                assertThat(replica.isAlive()).as("replica %d after SIGTERM of serve", replica.pid()).isFalse();
            }
            assertThat(serve.output()).as("exit %d", serve.process.exitValue()).contains("stopping");
        } finally {
            serve.process.destroyForcibly();
        }
    }

    @Test
    void afterAKill9OfServeTheNextStartLeavesNoReplicaBehind() throws Exception {
        Serve killed = Serve.start(2);
        List<ProcessHandle> leftovers = killed.replicas();
        if (leftovers.size() != 2) {
            killed.process.destroy(); // gracefully, so that a failing test leaves no serve running either
            killed.process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(leftovers).hasSize(2);

        killed.process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        killed.process.waitFor(30, TimeUnit.SECONDS);

        Serve next = Serve.start(1);
        try {
            for (ProcessHandle replica : leftovers) {
                replica.onExit().get(10, TimeUnit.SECONDS);
                assertThat(replica.isAlive()).as("replica %d of the killed serve", replica.pid()).isFalse();
            }
            assertThat(get(next.url + "/rep")).contains("\"N\":1");
        } finally {
            next.process.destroy();
            next.process.waitFor(30, TimeUnit.SECONDS);
            next.process.destroyForcibly();
        }
    }

    /** Issue 11 item 7: a client that waits for the port, as compose health checks do, gets N=3 at once. */
    @Test
    void thePortOpensOnlyOnceTheReplicasHaveJoined() throws Exception {
        int port = freePortOutsideTheEphemeralRange();
        Process serve = Serve.launch(3, Integer.toString(port));
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread reader = Serve.read(serve, lines, line -> { }, () -> { });
        try {
            org.awaitility.Awaitility.await("port " + port + " opens").atMost(java.time.Duration.ofSeconds(60))
                    .pollInterval(java.time.Duration.ofMillis(5)).until(() -> {
                        assertThat(serve.isAlive()).as("serve runs: %s", lines).isTrue();
                        return accepts(port);
                    });

            String rep = get("http://127.0.0.1:" + port + "/rep");
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/home")).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(rep).contains("\"N\":3");
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("Hello from Server");
            assertThat(String.join("\n", lines)).contains("starting 3 replicas", "opens once they have joined");
        } finally {
            serve.toHandle().destroy();
            serve.waitFor(30, TimeUnit.SECONDS);
            serve.destroyForcibly();
            reader.join(10_000);
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768..60999): a port the kernel hands out for port 0 could
     * be given to one of serve's own replicas, or another socket, before serve binds it, and then the wait
     * below would see that listener rather than serve's.
     */
    private static int freePortOutsideTheEphemeralRange() throws IOException {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = 20_000 + random.nextInt(12_000);
            try (java.net.ServerSocket free = new java.net.ServerSocket(candidate, 1, java.net.InetAddress.getLoopbackAddress())) {
                return free.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port in 20000..31999");
    }

    private static boolean accepts(int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static String get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** {@code ringlab serve} in a JVM of its own, as a user starts it. */
    private record Serve(Process process, String url, List<String> lines, Thread reader) {

        static Serve start(int replicas) throws Exception {
            Process process = launch(replicas, "0");
            List<String> lines = new CopyOnWriteArrayList<>();
            CompletableFuture<String> url = new CompletableFuture<>();
            Thread reader = read(process, lines, line -> {
                Matcher listening = LISTENING.matcher(line);
                if (listening.find()) {
                    url.complete(listening.group(1));
                }
            }, () -> url.completeExceptionally(new IOException("serve ended: " + lines)));
            try {
                return new Serve(process, url.get(60, TimeUnit.SECONDS), lines, reader);
            } catch (Exception failure) {
                process.destroyForcibly();
                throw new AssertionError("serve did not start: " + lines, failure);
            }
        }

        static Process launch(int replicas, String port) throws IOException {
            String java = ProcessHandle.current().info().command().orElseThrow();
            return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    Launcher.class.getName(), "serve", "--backend", "process", "--port", port, "--replicas",
                    Integer.toString(replicas)).redirectErrorStream(true).start();
        }

        /** Collects serve's output lines in {@code lines}, telling {@code each} of every line and {@code ended} of the end. */
        static Thread read(Process process, List<String> lines, java.util.function.Consumer<String> each, Runnable ended) {
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                        each.accept(line);
                    }
                } catch (IOException closed) {
                    // serve ended
                }
                ended.run();
            }, "serve-output");
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        List<ProcessHandle> replicas() {
            return process.descendants().filter(child -> child.info().arguments()
                    .map(args -> List.of(args).contains("dev.ringlab.replica.ReplicaServer")).orElse(false)).toList();
        }

        /** Everything serve printed, once it has ended. */
        String output() throws InterruptedException {
            reader.join(10_000);
            return String.join("\n", lines);
        }
    }
}
