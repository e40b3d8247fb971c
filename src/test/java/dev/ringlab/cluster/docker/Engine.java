package dev.ringlab.cluster.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The real Docker engine for integration tests, and the docker CLI to act on it from outside. */
public final class Engine {

    /** The version the Maven build tags images with (failsafe passes it), so tests reuse its image. */
    public static final String VERSION = System.getProperty("ringlab.version", "dev");

    private Engine() {
    }

    /** Skips the test without an engine on a developer machine; in CI the engine must be there. */
    public static void require() {
        boolean answers = DockerEngine.fromEnvironment().answers();
        if (!answers && System.getenv("CI") != null) {
            throw new AssertionError("CI: no Docker engine answers; .ci/run must start one (scripts/start-docker.sh)");
        }
        Assumptions.assumeTrue(answers, "no Docker engine answers; start one with scripts/start-docker.sh");
    }

    /** Runs {@code docker args...} and returns its output lines; fails the test on a non-zero exit. */
    public static List<String> docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(Arrays.asList(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker %s finished", String.join(" ", args)).isTrue();
            assertThat(process.exitValue()).as("docker %s: %s", String.join(" ", args), output).isZero();
            return output.lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException failure) {
            throw new AssertionError("cannot run docker " + String.join(" ", args), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** Ids of every container, in any state, carrying {@code label} ("key" or "key=value"). */
    public static List<String> containersLabelled(String label) {
        return docker("ps", "-a", "-q", "--no-trunc", "--filter", "label=" + label);
    }
}
