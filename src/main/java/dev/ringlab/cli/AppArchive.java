package dev.ringlab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Run at package time, after the application jar: records {@value #ARCHIVE}, a dynamic class-data-sharing
 * archive of the application, from one training run ({@code experiment a1 --backend process}: picocli, the
 * process backend, the embedded balancer, the experiment client, the table, CSV and PNG). A JVM started with
 * {@code -XX:SharedArchiveFile=ringlab.jsa} maps those classes instead of loading and verifying them one by
 * one. {@code java -jar} has no place for that option (a manifest carries none, and JDK 17 has no
 * {@code -XX:+AutoCreateSharedArchive}), so the launchers pass it: {@code scripts/ringlab} and the
 * benchmarks. Measured in docs/performance.md.
 *
 * <p>The archive holds the jar's absolute path, size and time: a JVM started from a moved or rebuilt jar
 * ignores it (and says nothing with {@code -Xlog:cds=off}), which is why the launchers use it only when it
 * is newer than the jar. A failed training leaves no archive and does not fail the build: the archive only
 * makes starts faster.
 *
 * <p>{@code java -cp ringlab.jar dev.ringlab.cli.AppArchive target/ringlab.jar}
 */
public final class AppArchive {

    /** The application's archive, next to {@code ringlab.jar}. */
    public static final String ARCHIVE = "ringlab.jsa";
    private static final long TRAINING_LIMIT_SECONDS = 300;

    private AppArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: AppArchive <application jar>");
            System.exit(2);
        }
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = jar.resolveSibling(ARCHIVE);
        Files.deleteIfExists(archive);
        Path out = Files.createTempDirectory("ringlab-cds-training");
        long started = System.nanoTime();
        try {
            String failure = record(jar, archive, out);
            if (failure != null) {
                Files.deleteIfExists(archive);
                System.out.println("app archive: not recorded (" + failure + "); RingLab starts without it");
                return;
            }
        } finally {
            deleteTree(out);
        }
        System.out.println("app archive: " + archive.getFileName() + " (" + Files.size(archive) / 1024 / 1024
                + " MiB) in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    /** The training run, recorded by the JVM when it exits; null when the archive was written. */
    private static String record(Path jar, Path archive, Path out) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive,
                // picocli's pre-Java-6 classes and JFR's cannot be archived: said once per class, harmless
                "-Xlog:cds=off", "-Xlog:cds+dynamic=error",
                // the training itself, not a second JVM (BatchLaunch), is what the archive must record
                "-D" + BatchLaunch.RELAUNCH + "=false",
                "-jar", jar.toString(), "experiment", "a1", "--backend", "process", "--seed", "1",
                "--requests", "2000", "--out", out.toString()));
        Process training = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(out.resolve("training.log").toFile()).start();
        if (!training.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
            training.destroyForcibly().waitFor();
            return "the training run did not end within " + TRAINING_LIMIT_SECONDS + " s";
        }
        if (training.exitValue() != 0) {
            String said = Files.readString(out.resolve("training.log")).strip();
            return "the training run failed: " + said.substring(Math.max(0, said.length() - 400));
        }
        return Files.isRegularFile(archive) ? null : "the JVM did not write " + archive;
    }

    private static void deleteTree(Path folder) throws IOException {
        try (var paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
