package dev.ringlab.replica;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a replica is started as a Java process: the command line, in one place for the process backend,
 * the archive built at package time and the benchmark. A replica is a few classes on the JDK's own
 * HTTP server, so most of its start is the JVM's: it runs from {@value #JAR} (its classes only, not the
 * 40 MB application jar) with the class-data-sharing archive {@value #ARCHIVE} that
 * {@link ReplicaArchive} records next to it at package time, and with the client compiler only
 * ({@code -XX:TieredStopAtLevel=1}): its work is small, and on two cores the optimizing compiler's
 * threads would take the CPU its first answers need. Measured in docs/performance.md.
 *
 * <p>Without the small jar next to the application jar (classes run from a folder, as in tests, or a jar
 * older than the application's), the replica runs from the classpath it was found on, without archive.
 */
public final class ReplicaLaunch {

    /** The replica's classes alone, written next to the application jar at package time. */
    public static final String JAR = "ringlab-replica.jar";
    /** The replica's class-data-sharing archive, recorded next to {@link #JAR} at package time. */
    public static final String ARCHIVE = "ringlab-replica.jsa";

    /** JVM options of every replica, also those of the run that records the archive. */
    static final List<String> JVM_OPTIONS = List.of("-Xms16m", "-Xmx96m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData");
    /** A stale or foreign archive is not an error: the JVM starts without it, and says nothing. */
    private static final List<String> SHARING = List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off");

    private final String classpath;
    private final Path archive;

    private ReplicaLaunch(String classpath, Path archive) {
        this.classpath = classpath;
        this.archive = archive;
    }

    /** The launch for the replica classes this code was loaded from. */
    public static ReplicaLaunch here() {
        Path source = codeSource();
        if (source != null && Files.isRegularFile(source)) {
            Path small = source.resolveSibling(JAR);
            if (!small.equals(source) && fresh(small, source)) {
                Path archive = small.resolveSibling(ARCHIVE);
                return new ReplicaLaunch(small.toString(), fresh(archive, small) ? archive : null);
            }
        }
        return new ReplicaLaunch(source != null ? source.toString() : System.getProperty("java.class.path"), null);
    }

    /** For a replica run from {@code jar} with {@code archive} (null: none). */
    static ReplicaLaunch of(Path jar, Path archive) {
        return new ReplicaLaunch(jar.toString(), archive);
    }

    /**
     * {@code java <options> <properties> -cp <classpath> ReplicaServer <id> <port>}.
     *
     * @param properties further {@code -Dname=value} options (the process backend marks its children)
     */
    public List<String> command(String java, List<String> properties, String id, int port) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JVM_OPTIONS);
        command.addAll(SHARING);
        if (archive != null) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(properties);
        command.add("-cp");
        command.add(classpath);
        command.add(ReplicaServer.class.getName());
        command.add(id);
        command.add(Integer.toString(port));
        return command;
    }

    /** True when the launch uses the small jar's class-data-sharing archive. */
    public boolean shared() {
        return archive != null;
    }

    /** Exists, and was written after {@code than} (so it holds the same classes). */
    private static boolean fresh(Path file, Path than) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) >= 0;
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }

    private static Path codeSource() {
        try {
            return Path.of(ReplicaServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException unknown) {
            return null;
        }
    }

    /**
     * Prints the command line of a replica named {@code args[0]} (default "1"), one argument a line, for
     * bench/cold.sh to time the very start the process backend makes.
     */
    public static void main(String[] args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        here().command(java, List.of(), args.length > 0 ? args[0] : "1", 0).forEach(System.out::println);
    }

    @Override
    public String toString() {
        return classpath + (archive == null ? "" : " with " + archive);
    }
}
