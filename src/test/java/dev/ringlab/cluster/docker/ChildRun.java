package dev.ringlab.cluster.docker;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A RingLab run in a child JVM for the cleanup tests (ended by SIGTERM or SIGKILL there): started with
 * a main class of the test classpath, which prints {@code run <id> <what it started>} when ready.
 *
 * @param run     the child's run id
 * @param started the id of the container or service it started
 */
public record ChildRun(Process process, String run, String started) {

    public static ChildRun start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("run ")) {
                String[] parts = line.split(" ");
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException ignored) {
                        // the child ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return new ChildRun(process, parts[1], parts[2]);
            }
            said.append(line).append('\n');
        }
        throw new AssertionError("the child run ended before starting its replica:\n" + said);
    }
}
