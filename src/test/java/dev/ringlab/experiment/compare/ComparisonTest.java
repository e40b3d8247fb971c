package dev.ringlab.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.algorithm.Algorithm;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The papers' qualitative results on 10 servers and 100,000 keys: a ring with few virtual nodes is
 * the most uneven, Maglev and jump are near-perfect, bounded loads stays under c, and movement is
 * near 1/N except where an algorithm is known to pay more (jump removing a middle server).
 */
class ComparisonTest {

    private static Map<String, ContenderResult> results;

    @BeforeAll
    static void runTheDefaultComparison() {
        List<ContenderResult> list = new Comparison(CompareSettings.defaults()).run();
        results = list.stream().collect(Collectors.toMap(ContenderResult::label, Function.identity()));
    }

    @Test
    void everyAlgorithmIsMeasuredWithTwoRings() {
        assertThat(results.keySet()).containsExactlyInAnyOrder("ring(V=9)", "ring(V=100)", "jump", "rendezvous",
                "maglev(M=65537)", "bounded(V=9,c=1.25)");
        results.values().forEach(result -> {
            assertThat(result.loads()).hasSize(10);
            assertThat(result.loads().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100_000);
            assertThat(result.memoryBytes()).isPositive();
            assertThat(result.nsPerLookup()).isPositive();
        });
    }

    @Test
    void theRingWithFewVirtualNodesIsTheMostUneven() {
        ContenderResult few = results.get("ring(V=9)");
        results.values().stream().filter(result -> result != few).forEach(other ->
                assertThat(few.peakToMean()).as("vs " + other.label()).isGreaterThan(other.peakToMean()));
        assertThat(few.peakToMean()).isGreaterThan(1.2);
        assertThat(results.get("ring(V=100)").peakToMean()).isLessThan(few.peakToMean());
    }

    @Test
    void maglevAndJumpAreNearPerfect() {
        // 100,000 random keys over 10 servers: the sampling noise alone is about 1 % per server.
        assertThat(results.get("maglev(M=65537)").peakToMean()).isLessThan(1.03);
        assertThat(results.get("jump").peakToMean()).isLessThan(1.03);
        assertThat(results.get("rendezvous").peakToMean()).isLessThan(1.03);
    }

    @Test
    void boundedLoadsNeverExceedsC() {
        ContenderResult bounded = results.get("bounded(V=9,c=1.25)");
        assertThat(bounded.peakToMean()).isLessThanOrEqualTo(1.25);
        assertThat(bounded.peakToMean()).isLessThan(results.get("ring(V=9)").peakToMean());
    }

    @Test
    void movementMatchesEachAlgorithmsPromise() {
        double idealAdd = 1.0 / 11;
        double idealRemove = 1.0 / 10;
        assertThat(results.get("jump").movedOnAdd()).isCloseTo(idealAdd, org.assertj.core.data.Offset.offset(0.01));
        assertThat(results.get("rendezvous").movedOnAdd()).isCloseTo(idealAdd, org.assertj.core.data.Offset.offset(0.01));
        assertThat(results.get("rendezvous").needlessOnRemoveMean()).isZero();
        assertThat(results.get("ring(V=100)").needlessOnRemoveMean()).isZero();
        assertThat(results.get("maglev(M=65537)").needlessOnRemoveMean()).isGreaterThan(0).isLessThan(0.03);
        // jump's price for removing a middle server: about twice the ideal on average
        assertThat(results.get("jump").movedOnRemoveMean()).isGreaterThan(1.5 * idealRemove);
        assertThat(results.get("rendezvous").movedOnRemoveMean()).isCloseTo(idealRemove, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void sameSeedSameFigures() {
        CompareSettings small = new CompareSettings(List.of(Algorithm.JUMP, Algorithm.MAGLEV), 5, 5000, List.of(9),
                4096, dev.ringlab.ring.RingHash.MURMUR3, 251, 1.25, 99);
        List<ContenderResult> once = new Comparison(small).run();
        List<ContenderResult> twice = new Comparison(small).run();
        assertThat(once).extracting(ContenderResult::loads).isEqualTo(twice.stream().map(ContenderResult::loads).toList());
        assertThat(once).extracting(ContenderResult::movedOnAdd).isEqualTo(twice.stream().map(ContenderResult::movedOnAdd).toList());
    }

    @Test
    void largeClustersRemoveTwentyEvenlySpreadServersFirstAndLastIncluded() {
        List<dev.ringlab.ring.Server> servers = Comparison.servers(200);
        List<dev.ringlab.ring.Server> leavers = Comparison.leavers(servers);
        assertThat(leavers).hasSize(20).doesNotHaveDuplicates();
        assertThat(leavers.get(0)).isEqualTo(servers.get(0));
        assertThat(leavers.get(19)).isEqualTo(servers.get(199));
        assertThat(Comparison.leavers(servers.subList(0, 7))).hasSize(7);
    }
}
