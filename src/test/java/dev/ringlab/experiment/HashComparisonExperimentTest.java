package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashComparisonExperimentTest {

    @Test
    void runsA1AndA2UnderBothHashesOnTheSameKeys(@TempDir Path out) throws IOException {
        HashComparisonResult result = new HashComparisonExperiment(DistributionExperimentTest.SIM).run(
                new HashComparisonParameters(RingConfig.DEFAULT, 3, 2, 6, Workload.of(42)), ProgressListener.NONE);

        assertThat(result.runs()).extracting(HashRun::hash).containsExactly("assignment", "assignment-v2", "murmur3");
        // Each half is exactly what give on their own with that hash and seed.
        assertThat(result.runs().get(2).distribution().loads())
                .isEqualTo(DistributionExperimentTest.a1(RingHash.MURMUR3, 42, 1).loads());
        assertThat(result.runs().get(0).scaling().steps())
                .isEqualTo(ScalingExperimentTest.a2(RingHash.ASSIGNMENT, 42).steps());
        // The modified hash spreads the load far more evenly at every N.
        for (int i = 0; i < 5; i++) {
            assertThat(result.runs().get(2).scaling().steps().get(i).spread().stdDev())
                    .isLessThan(result.runs().get(0).scaling().steps().get(i).spread().stdDev());
        }

        Analyses.A4.finished(result).write(out);
        List<CSVRecord> loads = DistributionExperimentTest.csv(out.resolve("a4-distribution.csv"));
        assertThat(loads).hasSize(9);
        assertThat(loads.stream().filter(row -> row.get("hash").equals("murmur3"))
                .mapToLong(row -> Long.parseLong(row.get("requests"))).sum()).isEqualTo(10_000);
        assertThat(DistributionExperimentTest.csv(out.resolve("a4-scaling.csv"))).hasSize(15);
        assertThat(out.resolve("a4.png")).isNotEmptyFile();
    }

    @Test
    void theRingsOwnHashComesFirst() {
        assertThat(new HashComparisonParameters(RingConfig.DEFAULT.withHash(RingHash.MURMUR3), 3, 2, 6,
                Workload.of(1)).hashes()).containsExactly(RingHash.MURMUR3, RingHash.ASSIGNMENT, RingHash.ASSIGNMENT_V2);
    }
}
