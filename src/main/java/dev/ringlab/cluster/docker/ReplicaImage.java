package dev.ringlab.cluster.docker;

import dev.ringlab.cluster.BackendException;
import dev.ringlab.replica.ReplicaServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The replica's image: {@code java.base} and {@code jdk.httpserver} only, and a small jar of the
 * {@code dev.ringlab.replica} classes taken from RingLab's own classpath (52.3 MB in all, offline).
 */
public final class ReplicaImage {

    public static final String REPOSITORY = "ringlab-replica";
    /** The port the replica listens on inside its container. */
    public static final int PORT = 5000;

    private static final String PACKAGE_PATH = ReplicaServer.class.getPackageName().replace('.', '/') + "/";
    private static final String JAR = "opt/ringlab/replica.jar";

    private ReplicaImage() {
    }

    /**
     * The system property that names a base image to build the replica on instead of offline
     * ({@code --replica-image-base} sets it), e.g. {@code eclipse-temurin:17-jre-alpine}.
     */
    public static final String BASE_PROPERTY = "ringlab.replica.image.base";

    /** The replica's recipe: offline, unless {@value #BASE_PROPERTY} names a base image. */
    public static ImageRecipe recipe(String version) {
        String base = System.getProperty(BASE_PROPERTY, "").strip();
        ImageRecipe offline = offlineRecipe(version);
        return base.isEmpty() ? offline : offline.onBase(base);
    }

    private static ImageRecipe offlineRecipe(String version) {
        return new ImageRecipe(REPOSITORY, version, List.of("java.base", "jdk.httpserver"), false,
                Map.of(JAR, replicaJar()),
                List.of(ImageRecipe.OFFLINE_JAVA,
                        // Small and quick to start: one GC thread, C1 only, no perf-data file on the read-only root.
                        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xss256k",
                        "-XX:MaxRAMPercentage=50", "-jar", "/" + JAR),
                PORT, "65534:65534");
    }

    /** A jar of the replica's classes with a fixed timestamp, so equal classes give equal bytes. */
    static byte[] replicaJar() {
        Map<String, byte[]> classes = replicaClasses();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, ReplicaServer.class.getName());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
            manifestEntry.setTime(0);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
                JarEntry jarEntry = new JarEntry(entry.getKey());
                jarEntry.setTime(0);
                jar.putNextEntry(jarEntry);
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
        return bytes.toByteArray();
    }

    /** The class files of the replica package, from the directory or jar RingLab was loaded from. */
    static Map<String, byte[]> replicaClasses() {
        Map<String, byte[]> classes = new TreeMap<>();
        try {
            Path source = Path.of(ReplicaServer.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(source)) {
                Path dir = source.resolve(PACKAGE_PATH);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                        classes.put(PACKAGE_PATH + file.getFileName(), Files.readAllBytes(file));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        JarEntry entry = entries.nextElement();
                        String name = entry.getName();
                        if (name.startsWith(PACKAGE_PATH) && name.endsWith(".class")
                                && name.indexOf('/', PACKAGE_PATH.length()) < 0) {
                            try (InputStream in = jar.getInputStream(entry)) {
                                classes.put(name, in.readAllBytes());
                            }
                        }
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException failure) {
            throw new BackendException("cannot read the replica's classes to build its image: " + failure, failure);
        }
        if (!classes.containsKey(PACKAGE_PATH + "ReplicaServer.class")) {
            throw new BackendException("the replica's classes were not found next to " + ReplicaServer.class.getName());
        }
        return classes;
    }
}
