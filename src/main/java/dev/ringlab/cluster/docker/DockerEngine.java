package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import dev.ringlab.cluster.BackendException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the Docker engine is and how to talk to it: the one place docker-java clients are made.
 * The address comes from {@code DOCKER_HOST} (a unix socket or {@code tcp://host:port}), then the
 * current Docker context, then {@code unix:///var/run/docker.sock}.
 */
public final class DockerEngine {

    private final DockerClientConfig config;

    private DockerEngine(DockerClientConfig config) {
        this.config = config;
    }

    /** The engine named by the environment, as the docker CLI would find it. */
    public static DockerEngine fromEnvironment() {
        return new DockerEngine(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
    }

    /** An engine at an explicit address ({@code unix:///path} or {@code tcp://host:port}). */
    public static DockerEngine at(URI host) {
        return new DockerEngine(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(host.toString()).build());
    }

    public URI host() {
        return config.getDockerHost();
    }

    /** True when the engine is on this machine, so ports it publishes on 127.0.0.1 are reachable here. */
    public boolean isLocal() {
        URI host = host();
        if (!"tcp".equals(host.getScheme()) && !"http".equals(host.getScheme()) && !"https".equals(host.getScheme())) {
            return true;
        }
        try {
            return InetAddress.getByName(host.getHost()).isLoopbackAddress();
        } catch (IOException unknown) {
            return false;
        }
    }

    /** The host name replicas' published ports are reached at. */
    public String publishedHost() {
        return isLocal() ? "127.0.0.1" : host().getHost();
    }

    /** A client for commands: fails fast when the engine does not answer, allows long image builds. */
    public DockerClient commands() {
        return client(Duration.ofMinutes(10));
    }

    /** A client for the event stream, which may stay silent for as long as nothing happens. */
    public DockerClient events() {
        return client(Duration.ZERO);
    }

    private DockerClient client(Duration responseTimeout) {
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(3));
        if (!responseTimeout.isZero()) {
            http.responseTimeout(responseTimeout);
        }
        return DockerClientImpl.getInstance(config, http.build());
    }

    /** Whether an engine answers a ping within a couple of seconds; never throws. */
    public boolean answers() {
        try (DockerClient probe = DockerClientImpl.getInstance(config, new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2))
                .build())) {
            probe.pingCmd().exec();
            return true;
        } catch (IOException | RuntimeException notThere) {
            return false;
        }
    }

    /**
     * One line for the user about a failed engine call: what was being done, and the likely cause
     * in words (engine down, name taken, port in use) rather than a stack trace.
     */
    public BackendException failure(String doing, Throwable cause) {
        return new BackendException(doing + ": " + explain(cause), cause);
    }

    String explain(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = cause.getMessage() == null ? cause.toString() : firstLine(cause.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        if (cause instanceof ConflictException || lower.contains("already in use by container")) {
            return "the container name is already taken (" + message + ")";
        }
        if (lower.contains("port is already allocated") || lower.contains("address already in use")) {
            return "the port is already in use (" + message + ")";
        }
        if (cause instanceof NotFoundException) {
            return "not found (" + message + ")";
        }
        if (!(cause instanceof DockerException) && (root instanceof IOException || cause instanceof IOException)) {
            return "the Docker engine at " + host() + " does not answer (" + firstLine(String.valueOf(root.getMessage()))
                    + "); start it (scripts/start-docker.sh) or set DOCKER_HOST";
        }
        return message;
    }

    private static String firstLine(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }
}
