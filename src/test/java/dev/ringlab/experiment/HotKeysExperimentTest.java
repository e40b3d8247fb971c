package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HotKeysExperimentTest {

    static HotKeysParameters parameters(double exponent) {
        return new HotKeysParameters(new RingConfig(4096, 100, RingHash.MURMUR3, dev.ringlab.ring.Probing.LINEAR), 10,
                new Workload(50_000, 42, 1), exponent, 10_000, 1.25);
    }

    @Test
    void boundedLoadsKeepsTheBusiestServerUnderItsCapWhileHotKeysPinTheOthers(@TempDir Path out) throws IOException {
        HotKeysResult result = new HotKeysExperiment().run(parameters(1.1), ProgressListener.NONE);

        assertThat(result.runs()).extracting(HotKeysRun::algorithm)
                .containsExactly("ring", "maglev", "rendezvous", "bounded");
        // With s = 1.1 over 10,000 keys the hottest key alone is about a sixth of the traffic.
        assertThat(result.hottestShares().get(0)).isBetween(0.12, 0.20);
        HotKeysRun bounded = result.runs().get(3);
        for (HotKeysRun byKeyAlone : result.runs().subList(0, 3)) {
            assertThat(byKeyAlone.pastFirstChoice()).isZero();
            // A server that holds the hottest key carries more than c times the mean.
            assertThat(byKeyAlone.overallBusiestOverMean()).isGreaterThan(1.25);
            assertThat(byKeyAlone.overallBusiestOverMean()).isGreaterThan(bounded.overallBusiestOverMean());
        }
        // In flight never above ceil(c * (m + 1) / N): over any stretch the busiest stays near c.
        assertThat(bounded.overallBusiestOverMean()).isLessThanOrEqualTo(1.25 + 0.05);
        assertThat(bounded.pastFirstChoice()).isPositive();
        assertThat(bounded.loads().stream().mapToLong(ServerLoad::requests).sum()).isEqualTo(50_000);

        List<Path> written = Analyses.A5.finished(result).write(out);
        assertThat(written).extracting(path -> path.getFileName().toString())
                .containsExactly("a5.csv", "a5-summary.csv", "a5.png");
        List<CSVRecord> summary = DistributionExperimentTest.csv(out.resolve("a5-summary.csv"));
        assertThat(summary).extracting(row -> row.get("algorithm")).containsExactly("ring", "maglev", "rendezvous", "bounded");
        assertThat(Long.parseLong(summary.get(3).get("past_first_choice"))).isEqualTo(bounded.pastFirstChoice());
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        HotKeysResult first = new HotKeysExperiment().run(parameters(1.1), ProgressListener.NONE);
        HotKeysResult second = new HotKeysExperiment().run(parameters(1.1), ProgressListener.NONE);

        assertThat(second.runs()).extracting(HotKeysRun::loads).isEqualTo(first.runs().stream().map(HotKeysRun::loads).toList());
    }

    @Test
    void badSkewKeySpaceAndFactorAreRefusedInOneLine() {
        assertThatThrownBy(() -> parameters(0)).hasMessage(
                "the Zipf exponent s must be above 0 and at most 10.0 (1.1 is typical of web traffic), got 0.0");
        assertThatThrownBy(() -> new HotKeysParameters(RingConfig.DEFAULT, 3, Workload.of(1), 1.1, 0, 1.25))
                .hasMessageContaining("key space must be between 1 and 10000000");
        assertThatThrownBy(() -> new HotKeysParameters(RingConfig.DEFAULT, 3, Workload.of(1), 1.1, 100, 1.0))
                .hasMessageContaining("load factor c must be above 1");
    }
}
