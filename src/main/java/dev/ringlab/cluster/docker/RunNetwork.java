package dev.ringlab.cluster.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge network of one run ({@code ringlab-<run>}), labelled like its containers: replicas of
 * one run share it and nothing else, instead of the engine's default bridge where every container
 * sees every other. Created on the first start, removed after the run's containers, and reaped with
 * the containers of a run whose owner is gone.
 */
final class RunNetwork {

    private static final Logger LOG = LoggerFactory.getLogger(RunNetwork.class);

    private final DockerClient docker;
    private final String name;
    private final Map<String, String> labels;
    private volatile String created;
    private volatile boolean unavailable;
    /** Set once the run ends: a late {@link #ensure} (made ahead, in the background) creates nothing then. */
    private boolean removed;

    RunNetwork(DockerClient docker, String name, Map<String, String> labels) {
        this.docker = docker;
        this.name = name;
        this.labels = Map.copyOf(labels);
    }

    /**
     * The network's name, created on first use; null when the engine cannot make one (its address
     * pools are all used), and the replicas then go on the default bridge, as before, rather than fail.
     */
    synchronized String ensure() {
        if (created == null && !unavailable && !removed) {
            try {
                long began = System.nanoTime();
                docker.createNetworkCmd().withName(name).withDriver("bridge").withLabels(labels)
                        .withCheckDuplicate(true).exec();
                created = name;
                LOG.debug("network {} created in {} ms", name, (System.nanoTime() - began) / 1_000_000);
            } catch (ConflictException exists) {
                created = name;
            } catch (RuntimeException failure) {
                unavailable = true;
                LOG.warn("cannot create the network {} ({}); replicas use the default bridge", name, failure.getMessage());
            }
        }
        return created;
    }

    /** Removes the network once its containers are gone; quietly, since a run's exit must go on. */
    synchronized void remove() {
        removed = true;
        if (created != null) {
            removeQuietly(docker, created);
            created = null;
        }
    }

    /** Removes the networks of runs whose owner is gone (never those of a live run); returns how many. */
    static int reapDead(DockerClient docker, RunOwner owner, String ownRun) {
        List<Network> ringlab;
        try {
            ringlab = docker.listNetworksCmd().withFilter("label", List.of(DockerBackend.RUN_LABEL)).exec();
        } catch (RuntimeException failure) {
            LOG.debug("cannot list RingLab's networks: {}", failure.toString());
            return 0;
        }
        int reaped = 0;
        for (Network network : ringlab) {
            Map<String, String> labels = network.getLabels() == null ? Map.of() : network.getLabels();
            String run = labels.get(DockerBackend.RUN_LABEL);
            if (run != null && !run.equals(ownRun) && owner.ownerIsGone(labels, docker)) {
                reaped += removeQuietly(docker, network.getId()) ? 1 : 0;
            }
        }
        return reaped;
    }

    private static boolean removeQuietly(DockerClient docker, String network) {
        try {
            docker.removeNetworkCmd(network).exec();
            return true;
        } catch (NotFoundException gone) {
            return false;
        } catch (RuntimeException failure) {
            LOG.warn("could not remove the network {}: {}", network, failure.getMessage());
            return false;
        }
    }
}
