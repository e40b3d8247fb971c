package dev.ringlab.experiment;

import dev.ringlab.balancer.FailoverRoute;
import dev.ringlab.ring.algorithm.Algorithm;
import java.util.function.Consumer;

/**
 * A testbed that is another one but for its close (closed in the background, or after putting something
 * back): every other call goes to the wrapped testbed, so a new {@link Testbed} method is forwarded once.
 */
public abstract class ForwardingTestbed implements Testbed {

    protected final Testbed testbed;

    protected ForwardingTestbed(Testbed testbed) {
        this.testbed = testbed;
    }

    @Override
    public String description() {
        return testbed.description();
    }

    @Override
    public Delivery send(long key) {
        return testbed.send(key);
    }

    @Override
    public void send(long key, Consumer<Delivery> answered) {
        testbed.send(key, answered);
    }

    @Override
    public boolean pipelines() {
        return testbed.pipelines();
    }

    @Override
    public Membership membership() {
        return testbed.membership();
    }

    @Override
    public void use(Algorithm algorithm) {
        testbed.use(algorithm);
    }

    @Override
    public FailoverRoute route() {
        return testbed.route();
    }

    @Override
    public void hysteresis(int fall, int rise) {
        testbed.hysteresis(fall, rise);
    }

    @Override
    public void streamStarts(long originNanos) {
        testbed.streamStarts(originNanos);
    }
}
