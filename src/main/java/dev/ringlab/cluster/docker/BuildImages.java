package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import dev.ringlab.cluster.BackendException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code BuildImages <version> [ringlab.jar]}: builds the replica image and, given the shaded jar,
 * the headless RingLab image for compose (also tagged {@code ringlab:latest}). The Maven build runs
 * it after packaging; without a Docker engine it says so and succeeds, so a build never depends on
 * one. Exits 1 with one line when a build fails.
 */
public final class BuildImages {

    private BuildImages() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: BuildImages <version> [ringlab.jar]");
            System.exit(2);
        }
        String version = args[0];
        DockerEngine engine = DockerEngine.fromEnvironment();
        if (!engine.answers()) {
            System.out.println("images: no Docker engine answers at " + engine.host()
                    + "; images not built (start one with scripts/start-docker.sh, then ./mvnw package)");
            return;
        }
        try (DockerClient docker = engine.commands()) {
            ImageBuild build = new ImageBuild(engine, docker, line -> System.out.println("images: " + line));
            report(build.ensure(ReplicaImage.recipe(version)));
            if (args.length == 2) {
                Path jar = Path.of(args[1]);
                if (!Files.isRegularFile(jar)) {
                    throw new BackendException(jar + " does not exist; package RingLab first");
                }
                report(build.ensure(HeadlessImage.recipe(version, jar), HeadlessImage.REPOSITORY + ":latest"));
            }
        } catch (BackendException failure) {
            System.err.println("images: " + failure.getMessage());
            System.exit(1);
        } catch (IOException closeFailure) {
            // closing the client cannot lose an image that was built
        }
    }

    private static void report(ImageBuild.Outcome outcome) {
        System.out.println("images: " + outcome.tag() + (outcome.built()
                ? " built in " + outcome.took().toMillis() + " ms" : " is up to date"));
    }
}
