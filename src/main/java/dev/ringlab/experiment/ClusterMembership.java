package dev.ringlab.experiment;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.ClusterEvent;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import java.util.function.Consumer;

/** {@link Membership} of a cluster in this process: every testbed that owns a {@link Cluster} can use it. */
public final class ClusterMembership implements Membership {

    private final Cluster cluster;

    public ClusterMembership(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public List<String> servers() {
        return cluster.ring().servers().stream().map(Server::name).toList();
    }

    @Override
    public RingSnapshot ring() {
        return cluster.ring();
    }

    @Override
    public void add(int n) {
        try {
            cluster.add(n, List.of());
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public void add(int n, List<String> hostnames, List<Integer> weights) {
        try {
            cluster.add(n, List.copyOf(hostnames), List.copyOf(weights));
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public void remove(int n) {
        List<String> names = servers();
        if (n > names.size()) {
            throw new TestbedException("cannot remove " + n + " of " + names.size() + " servers");
        }
        try {
            cluster.remove(n, List.copyOf(names.subList(names.size() - n, names.size())));
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public void addNamed(List<String> names) {
        try {
            cluster.readmit(List.copyOf(names));
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public void removeNamed(List<String> names) {
        try {
            cluster.remove(names.size(), List.copyOf(names));
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public void reshape(RingConfig ring) {
        try {
            cluster.reconfigure(ring);
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public String kill(String server) {
        try {
            return cluster.kill(server).name();
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public void countIdsOnFromHighest() {
        cluster.countIdsOnFromHighest();
    }

    @Override
    public void holdReplacements(boolean hold) {
        cluster.setReplaceDead(!hold);
    }

    @Override
    public void freeze(String server) {
        onCluster(() -> cluster.freeze(server));
    }

    @Override
    public void thaw(String server) {
        onCluster(() -> cluster.thaw(server));
    }

    @Override
    public void fault(String server, dev.ringlab.cluster.Fault fault) {
        onCluster(() -> cluster.fault(server, fault));
    }

    /** As the balancer's {@code POST /fault} with {@code clear}: thawed if frozen, then no latency and no errors. */
    @Override
    public void clear(String server) {
        onCluster(() -> {
            boolean frozen = cluster.member(server).map(member -> cluster.isFrozen(member.server())).orElse(false);
            if (frozen) {
                cluster.thaw(server);
            }
            return cluster.fault(server, dev.ringlab.cluster.Fault.NONE);
        });
    }

    @Override
    public java.util.Map<String, ServerFault> faults() {
        java.util.Map<String, ServerFault> faults = new java.util.LinkedHashMap<>();
        for (Server server : cluster.ring().servers()) {
            boolean frozen = cluster.isFrozen(server);
            dev.ringlab.cluster.Fault fault = cluster.faultOf(server.name());
            if (frozen || !fault.equals(dev.ringlab.cluster.Fault.NONE)) {
                faults.put(server.name(), new ServerFault(frozen, fault));
            }
        }
        return faults;
    }

    private static void onCluster(java.util.function.Supplier<?> change) {
        try {
            change.get();
        } catch (ClusterException failure) {
            throw new TestbedException(failure.getMessage(), failure);
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<ClusterEvent> listener) {
        return cluster.subscribe(listener);
    }
}
