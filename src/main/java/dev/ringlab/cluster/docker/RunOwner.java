package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who started a run's containers, written on each of them as labels, so that a later RingLab can
 * tell a run whose owner is gone (reap it) from one that is alive (leave it alone). A RingLab in a
 * container is its container; otherwise it is a process: host, pid and start time, so a reused pid
 * is not mistaken for the owner. The Docker and the Swarm backends both label with it.
 *
 * @param container the owner's container id when it runs in one, else null
 */
public record RunOwner(String host, long pid, long startMillis, String container) {

    static final String PROCESS_LABEL = "dev.ringlab.owner";
    static final String CONTAINER_LABEL = "dev.ringlab.owner.container";

    private static final Pattern MARK = Pattern.compile("(.+)/(\\d+)@(\\d+)");
    /** Docker mounts /etc/hostname etc. from /var/lib/docker/containers/<id>/ into every container. */
    private static final Pattern OWN_CONTAINER = Pattern.compile("/containers/([0-9a-f]{64})/");
    /** Process start times read twice can differ by rounding; a reused pid starts much later. */
    private static final long START_TOLERANCE_MILLIS = 1000;

    /** This process. */
    public static RunOwner current() {
        ProcessHandle self = ProcessHandle.current();
        long started = self.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
        return new RunOwner(hostName(), self.pid(), started, ownContainerId().orElse(null));
    }

    /** The labels that record this owner on what it starts (containers, Swarm services). */
    public Map<String, String> labels() {
        return container == null
                ? Map.of(PROCESS_LABEL, host + "/" + pid + "@" + startMillis)
                : Map.of(PROCESS_LABEL, host + "/" + pid + "@" + startMillis, CONTAINER_LABEL, container);
    }

    /**
     * True only when the owner recorded in {@code labels} is certainly gone: its container no longer
     * runs, or its process on this host has ended. Anything that cannot be judged from here (another
     * host, garbled labels) counts as alive.
     */
    public boolean ownerIsGone(Map<String, String> labels, DockerClient docker) {
        String ownerContainer = labels.get(CONTAINER_LABEL);
        if (ownerContainer != null) {
            if (ownerContainer.equals(container)) {
                return false;
            }
            try {
                InspectContainerResponse owner = docker.inspectContainerCmd(ownerContainer).exec();
                return owner.getState() == null || !Boolean.TRUE.equals(owner.getState().getRunning());
            } catch (NotFoundException gone) {
                return true;
            }
        }
        String mark = labels.get(PROCESS_LABEL);
        Matcher matcher = mark == null ? null : MARK.matcher(mark);
        if (matcher == null || !matcher.matches() || !matcher.group(1).equals(host)) {
            return false;
        }
        long ownerPid = Long.parseLong(matcher.group(2));
        long ownerStart = Long.parseLong(matcher.group(3));
        if (ownerPid == pid) {
            return false;
        }
        return ProcessHandle.of(ownerPid).filter(ProcessHandle::isAlive)
                .map(process -> process.info().startInstant().map(Instant::toEpochMilli)
                        .map(start -> Math.abs(start - ownerStart) > START_TOLERANCE_MILLIS).orElse(false))
                .orElse(true);
    }

    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException | RuntimeException notLinux) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException unknown) {
                return "localhost";
            }
        }
    }

    /** The id of the container this process runs in, if it runs in a Docker container. */
    static Optional<String> ownContainerId() {
        try {
            if (!Files.exists(Path.of("/.dockerenv"))) {
                return Optional.empty();
            }
            Matcher matcher = OWN_CONTAINER.matcher(Files.readString(Path.of("/proc/self/mountinfo")));
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
