package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.balancer.BalancerEndpoint;
import dev.ringlab.cli.ExperimentCommandTest.Run;
import dev.ringlab.cluster.Cluster;
import dev.ringlab.cluster.HealthMonitor;
import dev.ringlab.cluster.ProcessBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.Server;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A-1..A-4 over real HTTP: the embedded balancer over replica processes, and a balancer that already runs. */
class ExperimentOverHttpTest {

    @Test
    void a1RunsOverTheEmbeddedBalancerAndReplicaProcesses(@TempDir Path dir) throws Exception {
        Run run = ExperimentCommandTest.run("experiment", "a1", "--backend", "process", "--requests", "400",
                "--concurrency", "4", "--seed", "3", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("A-1: 400 requests over 3 servers")
                .contains("processes behind the embedded balancer at http://127.0.0.1:");
        List<String> rows = Files.readAllLines(dir.resolve("a1.csv"));
        assertThat(rows.subList(1, rows.size()).stream().mapToLong(row -> Long.parseLong(row.split(",")[1])).sum())
                .isEqualTo(400);
    }

    @Test
    void a3KillsAReplicaProcessBehindTheEmbeddedBalancer(@TempDir Path dir) {
        Run run = ExperimentCommandTest.run("experiment", "a3", "--backend", "process", "--requests", "1500",
                "--rate", "500", "--kill-after-ms", "1000", "--seed", "5", "--out", dir.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("processes behind the embedded balancer");
        assertThat(dir.resolve("a3.csv")).isNotEmptyFile();
    }

    @Test
    void a1AndA2RunAgainstARunningBalancerAndTheRestSayWhyNot(@TempDir Path dir) throws Exception {
        ProcessBackend backend = new ProcessBackend(HealthMonitor.DEFAULT_INTERVAL);
        try (Cluster cluster = new Cluster(backend, RingConfig.DEFAULT);
                HealthMonitor health = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, 2)) {
            cluster.add(2, List.of());
            cluster.add(1, List.of("web-c"));
            health.start();
            try (BalancerEndpoint balancer = BalancerEndpoint.start(cluster,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 1)) {
                String url = balancer.address().toString();

                Run a1 = ExperimentCommandTest.run("experiment", "a1", "--target", url, "--requests", "300",
                        "--seed", "9", "--out", dir.resolve("a1").toString());
                assertThat(a1.exitCode()).as(a1.err()).isZero();
                assertThat(a1.out()).contains("A-1: 300 requests over 3 servers").contains("the balancer at " + url);
                long answered = cluster.ring().servers().stream().map(Server::name)
                        .mapToLong(name -> balancer.metrics().requestsOf(name)).sum();
                assertThat(answered).isGreaterThanOrEqualTo(300);

                Run a2 = ExperimentCommandTest.run("experiment", "a2", "--target", url, "--requests", "200",
                        "--min-servers", "2", "--max-servers", "4", "--seed", "9", "--out", dir.resolve("a2").toString());
                assertThat(a2.exitCode()).as(a2.err()).isZero();
                assertThat(Files.readAllLines(dir.resolve("a2").resolve("a2.csv"))).hasSize(4);
                // The balancer is given back as big as it was; web-c, which a2 took away for N=2, by its name.
                assertThat(cluster.ring().servers()).hasSize(3).extracting(Server::name).contains("web-c");

                Run a3 = ExperimentCommandTest.run("experiment", "a3", "--target", url, "--out", dir.toString());
                assertThat(a3.exitCode()).isEqualTo(2);
                assertThat(a3.err().strip()).contains("a3 kills a replica").contains("--backend process").doesNotContain("\n");

                Run hash = ExperimentCommandTest.run("experiment", "a1", "--target", url, "--hash", "murmur3");
                assertThat(hash.exitCode()).isEqualTo(2);
                assertThat(hash.err()).contains("--hash cannot be combined with --target");
            }
        }
        Run bad = ExperimentCommandTest.run("experiment", "a1", "--target", "ftp://x/y");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("must be a balancer's base URL");
    }

    /** A run that takes weighted servers off a running balancer gives them back with their weights. */
    @Test
    void aTargetRunGivesTheServersBackWithTheirWeights(@TempDir Path dir) throws Exception {
        try (Cluster cluster = new Cluster(new dev.ringlab.cluster.SimBackend(), RingConfig.DEFAULT);
                HealthMonitor health = new HealthMonitor(cluster, HealthMonitor.DEFAULT_INTERVAL, 2)) {
            cluster.add(3, List.of("small", "big", "web-c"), List.of(1, 3, 2));
            health.start();
            try (BalancerEndpoint balancer = BalancerEndpoint.start(cluster,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), null, 1)) {
                Run a1 = ExperimentCommandTest.run("experiment", "a1", "--target", balancer.address().toString(),
                        "--servers", "1", "--requests", "100", "--seed", "4", "--out", dir.toString());

                assertThat(a1.exitCode()).as(a1.err()).isZero();
                assertThat(a1.out()).contains("A-1: 100 requests over 1 servers");
                assertThat(cluster.ring().servers()).extracting(Server::name, Server::weight)
                        .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("small", 1),
                                org.assertj.core.groups.Tuple.tuple("big", 3), org.assertj.core.groups.Tuple.tuple("web-c", 2));
            }
        }
    }
}
