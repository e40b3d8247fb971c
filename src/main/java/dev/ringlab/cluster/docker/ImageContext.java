package dev.ringlab.cluster.docker;

import dev.ringlab.cluster.BackendException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * The build context of an {@link ImageRecipe} on disk: {@code rootfs/} holds a runtime jlinked from
 * the JDK RingLab runs on, every shared library that {@code ldd} lists for it (with the loader), and
 * the recipe's files; {@code Dockerfile} copies it into an empty image. This is how an image is made
 * on a machine that has a JDK and an engine but no registry to pull a base image from. A recipe on a
 * base image gets only its files in {@code rootfs/}: the base brings the runtime.
 */
final class ImageContext {

    /** "libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)" and "/lib64/ld-linux-x86-64.so.2 (0x...)". */
    private static final Pattern LIBRARY = Pattern.compile("(?:=>\\s*)?(/\\S+)\\s+\\(0x");

    private ImageContext() {
    }

    /**
     * Whether this host can build an offline image: a Linux runtime can only be copied from Linux, and
     * it takes this JDK's jlink and the system's ldd.
     */
    static boolean canBuildOffline() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")
                && ToolProvider.findFirst("jlink").isPresent()
                && Stream.of("/usr/bin/ldd", "/bin/ldd").map(Path::of).anyMatch(Files::isExecutable);
    }

    /** Writes the context of {@code recipe} into the empty directory {@code dir}. */
    static void write(ImageRecipe recipe, String digest, Path dir, Consumer<String> progress) {
        if (!recipe.offline()) {
            writeOnBase(recipe, digest, dir);
            return;
        }
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            throw new BackendException("the image " + recipe.tag() + " can only be built offline on Linux, where a Linux"
                    + " runtime can be copied from the host; build it from replica/Dockerfile with a base image instead");
        }
        try {
            Path rootfs = dir.resolve("rootfs");
            Path runtime = rootfs.resolve("opt/jre");
            Files.createDirectories(runtime.getParent());
            Files.createDirectories(rootfs.resolve("tmp"));
            writeFiles(recipe, rootfs);
            Set<String> modules = new TreeSet<>(recipe.modules());
            if (recipe.jdeps()) {
                progress.accept("jdeps: finding the modules the jars need");
                for (String file : recipe.files().keySet()) {
                    if (file.endsWith(".jar")) {
                        modules.addAll(jdeps(recipe, rootfs.resolve(file)));
                    }
                }
            }
            progress.accept("jlink " + String.join(",", modules));
            jlink(recipe, modules, runtime);
            Set<Path> libraries = sharedLibraries(runtime);
            progress.accept("copying " + libraries.size() + " shared libraries");
            for (Path library : libraries) {
                Path target = rootfs.resolve(library.toString().substring(1));
                Files.createDirectories(target.getParent());
                Files.copy(library, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            Files.writeString(dir.resolve("Dockerfile"), recipe.dockerfile(digest));
        } catch (IOException failure) {
            throw new BackendException("could not prepare the image " + recipe.tag() + ": " + failure.getMessage(), failure);
        }
    }

    /** The recipe's files in {@code rootfs/} and a Dockerfile that puts them on the base image. */
    private static void writeOnBase(ImageRecipe recipe, String digest, Path dir) {
        try {
            writeFiles(recipe, dir.resolve("rootfs"));
            Files.writeString(dir.resolve("Dockerfile"), recipe.dockerfile(digest));
        } catch (IOException failure) {
            throw new BackendException("could not prepare the image " + recipe.tag() + ": " + failure.getMessage(), failure);
        }
    }

    private static void writeFiles(ImageRecipe recipe, Path rootfs) throws IOException {
        Files.createDirectories(rootfs);
        for (Map.Entry<String, byte[]> file : recipe.files().entrySet()) {
            Path target = rootfs.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }

    /**
     * The context as an uncompressed tar next to it: the engine unpacks it at once, where the
     * client's default gzip costs many seconds for a runtime that barely compresses.
     */
    static Path tar(Path dir) throws IOException {
        Path tar = dir.resolve("context.tar");
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(path -> !path.equals(dir) && !path.equals(tar)).sorted().toList();
        }
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(Files.newOutputStream(tar))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : paths) {
                String name = dir.relativize(path).toString().replace('\\', '/');
                TarArchiveEntry entry = new TarArchiveEntry(path.toFile(), Files.isDirectory(path) ? name + "/" : name);
                entry.setMode(Files.isDirectory(path) ? 040755
                        : Files.isExecutable(path) ? 0100755 : 0100644);
                out.putArchiveEntry(entry);
                if (Files.isRegularFile(path)) {
                    Files.copy(path, out);
                }
                out.closeArchiveEntry();
            }
        }
        return tar;
    }

    private static void jlink(ImageRecipe recipe, Set<String> modules, Path output) {
        tool(recipe, "jlink", "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=2",
                // A class-data-sharing archive saves the JVM a few hundred ms of class loading at every
                // container start; only the compressed-oops one is used with heaps this small.
                "--generate-cds-archive",
                "--output", output.toString());
        try {
            Files.deleteIfExists(output.resolve("lib/server/classes_nocoops.jsa"));
        } catch (IOException failure) {
            throw new BackendException("cannot trim the runtime of " + recipe.tag() + ": " + failure, failure);
        }
    }

    private static List<String> jdeps(ImageRecipe recipe, Path jar) {
        String modules = tool(recipe, "jdeps", "--ignore-missing-deps", "--print-module-deps",
                "--multi-release", String.valueOf(Runtime.version().feature()), jar.toString());
        String last = modules.strip().lines().reduce((first, second) -> second).orElse("");
        return List.of(last.split(","));
    }

    /** Runs a JDK tool in this JVM and returns what it printed; a failure names the tool and the image. */
    private static String tool(ImageRecipe recipe, String name, String... args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new BackendException(
                "cannot build the image " + recipe.tag() + ": this Java runtime (" + System.getProperty("java.home")
                        + ") has no " + name + "; run RingLab on a JDK 17+ or build the image from replica/Dockerfile"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            int status = tool.run(out, out, args);
            if (status != 0) {
                throw new BackendException(name + " failed for the image " + recipe.tag() + ": "
                        + log.toString(StandardCharsets.UTF_8).strip());
            }
        }
        return log.toString(StandardCharsets.UTF_8);
    }

    /** The absolute paths {@code ldd} lists for the launcher and every library of the runtime. */
    static Set<Path> sharedLibraries(Path runtime) throws IOException {
        List<String> command = new ArrayList<>(List.of("ldd", runtime.resolve("bin/java").toString()));
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(file -> file.getFileName().toString().endsWith(".so")).sorted(Comparator.naturalOrder())
                    .forEach(file -> command.add(file.toString()));
        }
        String listing = run(command);
        Set<Path> libraries = new TreeSet<>();
        Path runtimeReal = runtime.toRealPath();
        for (String line : listing.split("\n")) {
            Matcher matcher = LIBRARY.matcher(line);
            if (matcher.find()) {
                Path library = Path.of(matcher.group(1));
                if (!library.toAbsolutePath().normalize().startsWith(runtime.toAbsolutePath().normalize())
                        && !library.toRealPath().startsWith(runtimeReal)) {
                    libraries.add(library);
                }
            }
        }
        if (libraries.stream().noneMatch(path -> path.getFileName().toString().startsWith("ld-linux"))) {
            throw new BackendException("ldd did not list the dynamic loader of " + runtime.resolve("bin/java"));
        }
        return libraries;
    }

    private static String run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new BackendException("ldd did not finish within 60 s");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new BackendException("interrupted while running ldd");
        }
        // ldd exits 1 when one of many files is not dynamic; the listing of the others still counts.
        return new String(output, StandardCharsets.UTF_8);
    }
}
