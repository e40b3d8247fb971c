package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalingExperimentTest {

    enum Hash { ASSIGNMENT, MURMUR3 }

    static ScalingResult a2(RingHash hash, long seed) {
        return new ScalingExperiment(DistributionExperimentTest.SIM).run(new ScalingParameters(
                RingConfig.DEFAULT.withHash(hash), 2, 6, Workload.of(seed)), ProgressListener.NONE);
    }

    @ParameterizedTest
    @EnumSource(Hash.class)
    void everyStepAccountsForEveryRequestAndItsSpreadAddsUp(Hash which) {
        RingHash hash = RingHash.byName(which.name());
        ScalingResult result = a2(hash, 42);

        assertThat(result.steps()).extracting(ScalingStep::servers).containsExactly(2, 3, 4, 5, 6);
        for (ScalingStep step : result.steps()) {
            assertThat(step.loads()).hasSize(step.servers());
            assertThat(step.loads().stream().mapToLong(ServerLoad::requests).sum()).isEqualTo(10_000);
            assertThat(step.failed()).isZero();
            LoadSpread spread = step.spread();
            assertThat(spread.mean()).isCloseTo(10_000.0 / step.servers(), within(1e-9));
            assertThat((double) spread.min()).isLessThanOrEqualTo(spread.mean());
            assertThat((double) spread.max()).isGreaterThanOrEqualTo(spread.mean());
            double variance = step.loads().stream()
                    .mapToDouble(load -> Math.pow(load.requests() - spread.mean(), 2)).sum() / step.servers();
            assertThat(spread.stdDev()).isCloseTo(Math.sqrt(variance), within(1e-9));
        }
        assertThat(result.steps().get(0).moves()).isNull();
    }

    /** Consistent hashing: growing the ring moves keys only to the new server, so nobody else gains. */
    @ParameterizedTest
    @EnumSource(Hash.class)
    void growingTheRingOnlyTakesKeysAwayFromTheServersAlreadyThere(Hash which) {
        ScalingResult result = a2(RingHash.byName(which.name()), 42);

        for (int i = 1; i < result.steps().size(); i++) {
            ScalingStep before = result.steps().get(i - 1);
            ScalingStep after = result.steps().get(i);
            long gained = 0;
            for (ServerLoad old : before.loads()) {
                long now = after.loads().stream().filter(l -> l.server().equals(old.server())).findFirst()
                        .orElseThrow().requests();
                assertThat(now).isLessThanOrEqualTo(old.requests());
                gained += old.requests() - now;
            }
            ServerLoad newcomer = after.loads().get(after.loads().size() - 1);
            assertThat(after.moves().keys()).isEqualTo(gained).isEqualTo(newcomer.requests());
            assertThat(after.moves().idealKeys()).isCloseTo(10_000.0 / after.servers(), within(1e-9));
        }
    }

    @Test
    void theSameSeedGivesTheSameSteps() {
        assertThat(a2(RingHash.MURMUR3, 5).steps()).isEqualTo(a2(RingHash.MURMUR3, 5).steps());
    }

    @Test
    void theCsvHasARowPerN(@TempDir Path out) throws IOException {
        ScalingResult result = a2(RingHash.MURMUR3, 42);
        Analyses.A2.finished(result).write(out);

        List<CSVRecord> rows = DistributionExperimentTest.csv(out.resolve("a2.csv"));
        assertThat(rows).extracting(row -> row.get("servers")).containsExactly("2", "3", "4", "5", "6");
        assertThat(rows.get(0).get("moved_keys")).isEmpty();
        assertThat(Long.parseLong(rows.get(1).get("moved_keys"))).isEqualTo(result.steps().get(1).moves().keys());
        assertThat(Long.parseLong(rows.get(4).get("max"))).isEqualTo(result.steps().get(4).spread().max());
    }
}
