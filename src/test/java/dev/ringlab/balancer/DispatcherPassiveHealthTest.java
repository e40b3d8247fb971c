package dev.ringlab.balancer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.Fault;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The in-process request path (the window's, the simulated experiments') takes the route's per-try
 * timeout and feeds passive health as the HTTP balancer does; an ejected server is still asked when
 * every other one failed, since an answer beats an error.
 */
class DispatcherPassiveHealthTest {

    @Test
    void aSlowServerTimesOutIsEjectedAndIsTheLastResortWhenTheOtherFails() {
        SimBackend backend = new SimBackend();
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT.withHash(RingHash.MURMUR3))) {
            cluster.add(2, List.of("slow", "other"));
            FailoverRoute route = FailoverRoute.ring(cluster).tryTimeout(Duration.ofMillis(50))
                    .ejectAfter(1, Duration.ofSeconds(30));
            List<Ejection> ejections = new CopyOnWriteArrayList<>();
            route.watchEjections(ejections::add);
            Dispatcher dispatcher = new Dispatcher(route, backend.client());
            long slowKey = keyOf(cluster, "slow");
            long otherKey = keyOf(cluster, "other");

            cluster.fault("slow", new Fault(1_000, 0));
            Dispatch timedOut = dispatcher.dispatch(slowKey, "/home");

            assertThat(timedOut.answered()).isTrue();
            assertThat(timedOut.server().name()).isEqualTo("other");
            assertThat(timedOut.attempts()).isEqualTo(2);
            assertThat(ejections).singleElement().satisfies(ejection -> {
                assertThat(ejection.server()).isEqualTo("slow");
                assertThat(ejection.ejected()).isTrue();
            });
            Dispatch skipped = dispatcher.dispatch(slowKey, "/home");
            assertThat(skipped.server().name()).as("ejected: not asked first").isEqualTo("other");
            assertThat(skipped.attempts()).isEqualTo(1);

            cluster.fault("slow", Fault.NONE);
            cluster.freeze("other");
            Dispatch lastResort = dispatcher.dispatch(otherKey, "/home");

            assertThat(lastResort.answered()).as("the ejected server answers rather than nobody").isTrue();
            assertThat(lastResort.server().name()).isEqualTo("slow");
            assertThat(lastResort.attempts()).isEqualTo(2);
            cluster.thaw("other");
        }
    }

    private static long keyOf(Cluster cluster, String server) {
        return LongStream.range(0, 10_000).filter(key -> cluster.ring().route(key).name().equals(server))
                .findFirst().orElseThrow();
    }
}
