package dev.ringlab.cluster;

import dev.ringlab.ring.Server;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** The simulation, with a switch that makes the backend "gone", as a stopped Docker engine is. */
final class UnpluggedBackend implements Backend {
    final SimBackend sim = new SimBackend();
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicInteger starts = new AtomicInteger();

    public BackendKind kind() {
        return sim.kind();
    }

    public Replica start(Server server) {
        starts.incrementAndGet();
        if (down.get()) {
            throw new BackendException("no engine answers at unix:///test.sock");
        }
        return sim.start(server);
    }

    public void stop(Replica replica) {
        sim.stop(replica);
    }

    public void kill(Replica replica) {
        sim.kill(replica);
    }

    public List<Replica> list() {
        return sim.list();
    }

    public ReplicaClient client() {
        return sim.client();
    }

    @Override
    public boolean answers() {
        return !down.get();
    }

    public void close() {
        sim.close();
    }
}
