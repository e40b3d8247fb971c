package dev.ringlab.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.balancer.LivePlacement;
import dev.ringlab.cluster.ClusterException;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The composition root: servers join before the port opens, a taken port changes nothing, close stops everything. */
class LabTest {

    @Test
    void aLabOnProcessesServesAfterItsServersJoinedAndCloseLeavesNothing() throws Exception {
        ProcessBackend backend = new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL);
        BalancerEndpoint balancer;
        try (Lab lab = Lab.open(backend, RingConfig.DEFAULT).startServers(3)) {
            balancer = lab.serve(LivePlacement.ring(lab.cluster()),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 1);

            HttpResponse<String> rep = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(balancer.address() + "/rep")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(rep.body()).contains("\"N\":3");
            assertThat(lab.balancer()).isSameAs(balancer);
            assertThat(ProcessBackend.processesOfRun(backend.runId())).hasSize(3);
        }
        assertThat(ProcessBackend.processesOfRun(backend.runId())).isEmpty();
        try (ServerSocket reuse = new ServerSocket(balancer.port(), 1, InetAddress.getLoopbackAddress())) {
            assertThat(reuse.isBound()).as("the port is free again").isTrue();
        }
    }

    @Test
    void aTakenPortLeavesTheLabAsItWasAndAFailedStartClosesIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Lab lab = Lab.open(new SimBackend(), RingConfig.DEFAULT).startServers(2)) {
            assertThatThrownBy(() -> lab.serve(LivePlacement.ring(lab.cluster()),
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), taken.getLocalPort()), null, 1))
                    .isInstanceOf(java.io.IOException.class);

            assertThat(lab.balancer()).isNull();
            assertThat(lab.cluster().ring().size()).isEqualTo(2);
        }

        Lab tooMany = Lab.open(new SimBackend(), RingConfig.DEFAULT);
        assertThatThrownBy(() -> tooMany.startServers(10_000)).isInstanceOf(ClusterException.class);
        assertThatThrownBy(() -> tooMany.cluster().add(1, java.util.List.of()))
                .isInstanceOf(ClusterException.class).hasMessageContaining("shut down");
    }
}
