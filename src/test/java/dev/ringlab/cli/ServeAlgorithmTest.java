package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code serve --algorithm}: refused when wrong, and in a real process routing by the algorithm chosen. */
class ServeAlgorithmTest {

    @Test
    void badAlgorithmFlagsAreOneLineAndExitTwo() {
        String[][] cases = {
                {"--algorithm", "consistent"},
                {"--algorithm", "maglev", "--maglev-size", "1000"},
                {"--algorithm", "bounded", "--load-factor", "1"},
        };
        for (String[] bad : cases) {
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of("serve", "--backend", "sim", "--port", "0"));
            args.addAll(List.of(bad));
            int code = RingLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
            assertThat(code).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(err.toString().strip()).startsWith("ringlab: ").doesNotContain("\n");
        }
    }

    /** The real command in its own JVM, replicas as processes: starts with maglev, answers over HTTP, reports it in /algorithm and /metrics. */
    @Test
    void servesWithTheChosenAlgorithm() throws Exception {
        Process serve = launch("serve", "--backend", "process", "--port", "0", "--replicas", "3", "--algorithm", "maglev",
                "--maglev-size", "251");
        try {
            String address = banner(serve, Pattern.compile("RingLab balancer on (http://\\S+) with 3 replicas \\(.*maglev placement\\)"));
            HttpResponse<String> algorithm = get(address + "/algorithm");
            assertThat(algorithm.body()).contains("\"algorithm\":\"maglev\"");
            for (int k = 0; k < 10; k++) {
                assertThat(get(address + "/home?key=" + k).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> metrics = get(address + "/metrics");
            assertThat(metrics.body()).containsPattern("ringlab_requests_total\\{algorithm=\"maglev\",server=\"[^\"]+\"} [1-9]");
        } finally {
            stop(serve);
        }
    }

    /** Bounded loads with its c and initial weights, through the real balancer in its own JVM. */
    @Test
    void servesBoundedLoadsWithItsFactorAndTheInitialWeights() throws Exception {
        Process serve = launch("serve", "--backend", "sim", "--port", "0", "--weights", "1,2,1", "--algorithm", "bounded",
                "--balance-factor", "1.5");
        try {
            String address = banner(serve, Pattern.compile("RingLab balancer on (http://\\S+) with 3 replicas \\(.*bounded.*placement\\)"));
            assertThat(get(address + "/weights").body()).contains("\"weights\":[1,2,1]");
            assertThat(get(address + "/algorithm").body()).contains("\"algorithm\":\"bounded\"");
            assertThat(get(address + "/home?key=7").statusCode()).isEqualTo(200);
        } finally {
            stop(serve);
        }
    }

    private static Process launch(String... args) throws java.io.IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "dev.ringlab.cli.Launcher"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** The balancer's address from serve's banner; what serve logs afterwards is read and dropped, so it never blocks. */
    private static String banner(Process serve, Pattern ready) throws java.io.IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String address = null;
        String line;
        while (address == null && (line = lines.readLine()) != null) {
            Matcher matcher = ready.matcher(line);
            if (matcher.find()) {
                address = matcher.group(1);
            }
        }
        assertThat(address).as("the serve banner").isNotNull();
        Thread drain = new Thread(() -> {
            try {
                lines.lines().forEach(ignored -> { });
            } catch (java.io.UncheckedIOException closed) {
                // serve stopped
            }
        }, "serve-output");
        drain.setDaemon(true);
        drain.start();
        return address;
    }

    private static HttpResponse<String> get(String url) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void stop(Process serve) throws InterruptedException {
        serve.destroy();
        if (!serve.waitFor(20, TimeUnit.SECONDS)) {
            serve.destroyForcibly();
        }
    }
}
