package dev.ringlab.cluster.swarm;

import com.github.dockerjava.api.DockerClient;
import dev.ringlab.cluster.BackendException;
import dev.ringlab.cluster.docker.DockerEngine;
import dev.ringlab.cluster.docker.ImageBuild;
import dev.ringlab.cluster.docker.ReplicaImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/**
 * RingLab's replica image as a tar that {@code docker load} takes, for the nodes of a swarm that
 * have no registry: the image is built on this engine (offline, as the Docker backend does) and
 * saved under its content tag, the very name the Swarm backend's services ask every node for.
 */
public final class ImageArchive {

    /** What was written, and the image name inside it. */
    public record Saved(Path file, String image, long bytes) {
    }

    private ImageArchive() {
    }

    /** Builds the replica image if missing, then writes it to {@code file} (replaced if it exists). */
    public static Saved save(DockerEngine engine, String version, Path file, Consumer<String> progress) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new BackendException(file + " is a directory: name the tar file to write, e.g. ringlab-replica.tar");
        }
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new BackendException("the folder " + target.getParent() + " does not exist");
        }
        if (!engine.answers()) {
            throw new BackendException("no Docker engine answers at " + engine.host()
                    + "; start one (scripts/start-docker.sh) or set DOCKER_HOST");
        }
        try (DockerClient docker = engine.commands()) {
            String image = new ImageBuild(engine, docker, progress).ensure(ReplicaImage.recipe(version)).tag();
            int colon = image.lastIndexOf(':');
            Path partial = target.resolveSibling(target.getFileName() + ".partial");
            // Written beside the target and moved into place: a failed save leaves no half tar behind.
            try (InputStream tar = docker.saveImageCmd(image.substring(0, colon)).withTag(image.substring(colon + 1)).exec()) {
                Files.copy(tar, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException failure) {
                Files.deleteIfExists(partial);
                throw failure instanceof BackendException backend ? backend
                        : engine.failure("cannot save " + image + " to " + file, failure);
            }
            return new Saved(target, image, Files.size(target));
        } catch (IOException failure) {
            throw new BackendException("cannot write " + file + ": " + failure.getMessage(), failure);
        }
    }
}
