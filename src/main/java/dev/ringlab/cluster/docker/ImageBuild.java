package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import dev.ringlab.cluster.BackendException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Makes sure an {@link ImageRecipe}'s image is on the engine: kept when its digest label matches,
 * built (offline, with progress) when it is missing or stale.
 */
public final class ImageBuild {

    private final DockerEngine engine;
    private final DockerClient docker;
    private final Consumer<String> progress;

    public ImageBuild(DockerEngine engine, DockerClient docker, Consumer<String> progress) {
        this.engine = engine;
        this.docker = docker;
        this.progress = progress;
    }

    /** What {@link #ensure} did; {@code tag} is the content tag containers should run. */
    public record Outcome(String tag, boolean built, Duration took) {
    }

    /**
     * Builds the image when the engine has no image of this exact content (its content tag), and
     * points the version tag at it. An offline recipe that cannot be built offline here (not Linux,
     * no jlink or ldd) is built on {@link ImageRecipe#DEFAULT_BASE} instead, pulled by the engine.
     * When the build fails but an image with the version tag exists (built elsewhere, or from
     * replica/Dockerfile), that one is used.
     */
    public Outcome ensure(ImageRecipe wanted, String... extraTags) {
        long began = System.nanoTime();
        ImageRecipe recipe = wanted;
        if (wanted.offline() && !ImageContext.canBuildOffline()) {
            progress.accept("this host cannot build " + wanted.tag() + " offline (that takes Linux with a JDK);"
                    + " building it on " + ImageRecipe.DEFAULT_BASE + ", which the engine pulls");
            recipe = wanted.onBase(ImageRecipe.DEFAULT_BASE);
        }
        String digest = recipe.digest();
        String exact = recipe.contentTag(digest);
        if (exists(exact)) {
            tag(exact, recipe.tag());
            for (String extra : extraTags) {
                tag(exact, extra);
            }
            return new Outcome(exact, false, Duration.ofNanos(System.nanoTime() - began));
        }
        progress.accept("building the image " + recipe.tag() + (recipe.offline()
                ? " (once for this content; no registry needed)" : " on " + recipe.base() + " (once for this content)"));
        try {
            build(recipe, digest, exact, extraTags);
        } catch (BackendException failure) {
            if (exists(recipe.tag())) {
                progress.accept("could not build " + recipe.tag() + " (" + failure.getMessage()
                        + "); using the image that has that tag");
                return new Outcome(recipe.tag(), false, Duration.ofNanos(System.nanoTime() - began));
            }
            throw failure;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        progress.accept("built " + recipe.tag() + " in " + took.toMillis() + " ms");
        return new Outcome(exact, true, took);
    }

    private boolean exists(String tag) {
        try {
            docker.inspectImageCmd(tag).exec();
            return true;
        } catch (NotFoundException missing) {
            return false;
        } catch (RuntimeException failure) {
            throw engine.failure("cannot look up the image " + tag, failure);
        }
    }

    /** Points {@code tag} ("repo:tag") at the image {@code source}. */
    private void tag(String source, String tag) {
        int colon = tag.lastIndexOf(':');
        try {
            docker.tagImageCmd(source, tag.substring(0, colon), tag.substring(colon + 1)).withForce(true).exec();
        } catch (RuntimeException failure) {
            throw engine.failure("cannot tag the image " + source + " as " + tag, failure);
        }
    }

    private void build(ImageRecipe recipe, String digest, String exact, String... extraTags) {
        Path dir;
        try {
            dir = Files.createTempDirectory("ringlab-image-");
        } catch (IOException failure) {
            throw new BackendException("cannot make a build directory: " + failure.getMessage(), failure);
        }
        try {
            ImageContext.write(recipe, digest, dir, progress);
            progress.accept("sending the build context to the engine");
            Set<String> tags = new LinkedHashSet<>();
            tags.add(recipe.tag());
            tags.add(exact);
            tags.addAll(List.of(extraTags));
            Path tar = ImageContext.tar(dir);
            try (InputStream context = Files.newInputStream(tar)) {
                docker.buildImageCmd(context)
                    .withTags(tags)
                    // no forced pull: the engine still fetches a base image it lacks, and one it has serves offline
                    .withPull(false)
                    .withRemove(true)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(BuildResponseItem item) {
                            if (item.getStream() != null && !item.getStream().isBlank()) {
                                progress.accept(item.getStream().strip());
                            }
                            super.onNext(item);
                        }
                    })
                    .awaitImageId();
            }
        } catch (IOException failure) {
            throw new BackendException("cannot send the build context of " + recipe.tag() + ": " + failure, failure);
        } catch (DockerClientException failure) {
            throw new BackendException("building the image " + recipe.tag() + " failed: " + failure.getMessage(), failure);
        } catch (BackendException failure) {
            throw failure;
        } catch (RuntimeException failure) {
            throw engine.failure("building the image " + recipe.tag() + " failed", failure);
        } finally {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
