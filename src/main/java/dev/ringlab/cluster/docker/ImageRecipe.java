package dev.ringlab.cluster.docker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What goes into an image. Offline (no {@code base}): a runtime jlinked from this JDK with
 * {@code modules}, the shared libraries it loads, and {@code files} on top, {@code FROM scratch}.
 * On a {@code base} image that has a Java runtime (macOS and Windows hosts, whose runtime a Linux
 * container cannot use, or when asked): {@code files} on top of that image, started with its
 * {@code java}. The digest covers everything that changes the result, so an image is rebuilt only
 * when it would come out different.
 *
 * @param repository image name without tag ({@code ringlab-replica})
 * @param version    the tag: the program's version
 * @param modules    the runtime's modules; with {@code jdeps} also those jdeps finds the jars need
 * @param files      path inside the image (no leading '/') to content
 * @param user       numeric {@code uid:gid} the entrypoint runs as, or null for root
 * @param base       the image to build on (pulled by the engine), or null to build offline from scratch
 */
public record ImageRecipe(String repository, String version, List<String> modules, boolean jdeps,
        Map<String, byte[]> files, List<String> entrypoint, Integer port, String user, String base) {

    /** Bump when the way images are assembled changes, so images of the old recipe are rebuilt. */
    static final String FORMAT = "ringlab-image-4";

    /** Where an offline image keeps its runtime's launcher; on a base image, {@code java} on its PATH. */
    static final String OFFLINE_JAVA = "/opt/jre/bin/java";

    /**
     * The base used where an image cannot be built offline: a JRE on Alpine, published for amd64 and
     * arm64 alike. Java 21 rather than 17: Temurin publishes no Java 17 Alpine image for
     * arm64 (Apple silicon's Docker Desktop), and the replica's Java 17 classes run on 21 unchanged.
     */
    public static final String DEFAULT_BASE = "eclipse-temurin:21-jre-alpine";

    /** The label that carries {@link #digest()}. */
    public static final String DIGEST_LABEL = "dev.ringlab.image.digest";

    public ImageRecipe {
        modules = List.copyOf(modules);
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        entrypoint = List.copyOf(entrypoint);
        if (base != null && (base.isBlank() || base.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException("a base image is a name such as " + DEFAULT_BASE + ", got '" + base + "'");
        }
    }

    /** The offline recipe: {@code FROM scratch}, a runtime jlinked from this JDK. */
    public ImageRecipe(String repository, String version, List<String> modules, boolean jdeps,
            Map<String, byte[]> files, List<String> entrypoint, Integer port, String user) {
        this(repository, version, modules, jdeps, files, entrypoint, port, user, null);
    }

    /** The same image built on {@code image} (a JRE image from a registry) instead of offline. */
    public ImageRecipe onBase(String image) {
        return new ImageRecipe(repository, version, modules, jdeps, files, entrypoint, port, user, image);
    }

    /** Whether this recipe is built offline, from this JDK, with no registry. */
    public boolean offline() {
        return base == null;
    }

    /** {@code repository:version}. */
    public String tag() {
        return repository + ":" + version;
    }

    /**
     * {@code repository:version-<first 12 of the digest>}: the exact content. Worktrees or versions
     * building different content on one engine then do not take the version tag from each other's
     * running replicas, and switching back to known content costs no rebuild.
     */
    public String contentTag(String digest) {
        return repository + ":" + version + "-" + digest.substring(0, 12);
    }

    /** SHA-256 over the recipe, the files and the JDK the runtime is linked from. */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            update(sha, FORMAT, repository, version, String.join(",", modules), String.valueOf(jdeps),
                    String.join("\u0000", entrypoint),
                    String.valueOf(port), String.valueOf(user));
            // Offline, the runtime comes from this JDK; on a base image, from that image alone.
            if (offline()) {
                update(sha, Runtime.version().toString(), System.getProperty("java.vendor"), System.getProperty("os.arch"));
            } else {
                update(sha, "base", base);
            }
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                update(sha, file.getKey());
                if (file.getKey().endsWith(".jar")) {
                    updateWithEntries(sha, file.getValue());
                } else {
                    sha.update(file.getValue());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** A jar by its entries' names and contents: a rebuilt jar of the same classes has the same digest. */
    private static void updateWithEntries(MessageDigest sha, byte[] jar) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                update(sha, entry.getName());
                sha.update(zip.readAllBytes());
            }
        } catch (IOException notAJar) {
            sha.update(jar);
        }
    }

    /** The Dockerfile that assembles the prepared root filesystem (on {@code base}, or on nothing). */
    String dockerfile(String digest) {
        StringBuilder text = new StringBuilder()
                .append(offline()
                        ? "# Generated by RingLab: a jlinked runtime and its shared libraries, no base image.\n"
                        : "# Generated by RingLab: the files on a base image that brings its own Java runtime.\n")
                .append("FROM ").append(offline() ? "scratch" : base).append('\n')
                .append("COPY rootfs/ /\n")
                .append("LABEL dev.ringlab.image=\"").append(repository).append("\" ")
                .append("dev.ringlab=\"").append(version).append("\" ")
                .append(DIGEST_LABEL).append("=\"").append(digest).append("\"\n");
        if (user != null) {
            text.append("USER ").append(user).append('\n');
        }
        if (port != null) {
            text.append("EXPOSE ").append(port).append('\n');
        }
        text.append("ENTRYPOINT [");
        for (int i = 0; i < entrypoint.size(); i++) {
            String word = i == 0 && !offline() && entrypoint.get(0).equals(OFFLINE_JAVA) ? "java" : entrypoint.get(i);
            text.append(i == 0 ? "" : ", ").append('"').append(word.replace("\"", "\\\"")).append('"');
        }
        return text.append("]\n").toString();
    }

    private static void update(MessageDigest sha, String... parts) {
        for (String part : parts) {
            sha.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
        }
    }

    @Override
    public String toString() {
        return tag();
    }
}
