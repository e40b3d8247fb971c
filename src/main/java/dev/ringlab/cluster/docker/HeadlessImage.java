package dev.ringlab.cluster.docker;

import dev.ringlab.cluster.BackendException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * RingLab itself without a window, for compose: the shaded jar on a runtime with the modules jdeps
 * says it needs. It runs as root inside its container because it drives the engine through the
 * mounted Docker socket, which only root and the docker group may use.
 */
public final class HeadlessImage {

    public static final String REPOSITORY = "ringlab";
    private static final String JAR = "opt/ringlab/ringlab.jar";

    private HeadlessImage() {
    }

    public static ImageRecipe recipe(String version, Path ringlabJar) {
        byte[] jar;
        try {
            jar = Files.readAllBytes(ringlabJar);
        } catch (IOException failure) {
            throw new BackendException("cannot read " + ringlabJar + " to build the RingLab image: " + failure, failure);
        }
        return new ImageRecipe(REPOSITORY, version,
                // jdk.unsupported: JNA and Guava reach sun.misc.Unsafe reflectively, which jdeps cannot see.
                List.of("java.base", "jdk.unsupported"), true,
                Map.of(JAR, jar),
                List.of("/opt/jre/bin/java", "-Djava.awt.headless=true", "-XX:+UseSerialGC", "-jar", "/" + JAR),
                5000, null);
    }
}
