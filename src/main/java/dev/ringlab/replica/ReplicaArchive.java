package dev.ringlab.replica;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Run at package time, after the application jar: writes {@value ReplicaLaunch#JAR} (the replica's
 * classes only) next to it, then starts one replica from it with {@code -XX:ArchiveClassesAtExit},
 * asks it what RingLab asks (a heartbeat, {@code /home}, an unknown path) and ends it, so the JVM
 * records every class those answers loaded in {@value ReplicaLaunch#ARCHIVE}. Replicas started later
 * map those classes instead of loading and verifying them one by one.
 *
 * <p>{@code java -cp ringlab.jar dev.ringlab.replica.ReplicaArchive target/ringlab.jar}
 */
public final class ReplicaArchive {

    private static final String PACKAGE = ReplicaServer.class.getPackageName().replace('.', '/') + "/";
    private static final Pattern LISTENING = Pattern.compile("listening on (\\d+)");

    private ReplicaArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 1) {
            System.err.println("usage: ReplicaArchive <application jar>");
            System.exit(2);
        }
        Path application = Path.of(args[0]).toAbsolutePath();
        Path jar = application.resolveSibling(ReplicaLaunch.JAR);
        Path archive = application.resolveSibling(ReplicaLaunch.ARCHIVE);
        writeJar(application, jar);
        Files.deleteIfExists(archive);
        long started = System.nanoTime();
        record(jar, archive);
        System.out.println("replica: " + jar.getFileName() + " (" + Files.size(jar) / 1024 + " KiB) and "
                + archive.getFileName() + " (" + Files.size(archive) / 1024 + " KiB) in "
                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) + " ms");
    }

    /** Copies the replica package's entries out of the application jar. */
    static void writeJar(Path application, Path jar) throws IOException {
        Path partial = jar.resolveSibling(jar.getFileName() + ".part");
        try (JarFile source = new JarFile(application.toFile());
             JarOutputStream out = new JarOutputStream(Files.newOutputStream(partial))) {
            for (Enumeration<JarEntry> entries = source.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().startsWith(PACKAGE) && !entry.isDirectory()) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    try (InputStream in = source.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
        }
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING);
    }

    /** One replica's life as RingLab sees it, recorded by the JVM when the replica exits. */
    static void record(Path jar, Path archive) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(ReplicaLaunch.of(jar, null).command(java, List.of(), "archive", 0));
        command.add(1, "-XX:ArchiveClassesAtExit=" + archive);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("BIND", "127.0.0.1");
        Process replica = builder.start();
        try {
            int port = portOf(replica);
            for (String path : List.of("/heartbeat", "/home", "/heartbeat", "/home", "/unknown")) {
                get(port, path);
            }
        } finally {
            replica.destroy(); // SIGTERM: the shutdown hook closes the server, the JVM writes the archive
            if (!replica.waitFor(30, TimeUnit.SECONDS)) {
                replica.destroyForcibly();
                throw new IOException("the replica recording " + archive + " did not exit");
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IOException("the JVM did not write " + archive);
        }
    }

    private static int portOf(Process replica) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(replica.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder said = new StringBuilder();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            Matcher listening = LISTENING.matcher(line);
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            said.append(line).append(' ');
        }
        throw new IOException("the replica did not start: " + said.toString().trim());
    }

    private static void get(int port, String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setConnectTimeout(10_000);
        connection.setReadTimeout(10_000);
        int status = connection.getResponseCode();
        try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            if (body != null) {
                body.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
