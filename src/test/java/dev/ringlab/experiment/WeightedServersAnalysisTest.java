package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.ringlab.ring.Probing;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A-7 through the registry, as the command line runs it: load follows weight on Maglev and rendezvous. */
class WeightedServersAnalysisTest {

    private static final RingConfig RING = new RingConfig(512, 9, RingHash.MURMUR3, Probing.LINEAR);

    @Test
    void maglevAndRendezvousShareRequestsByWeightAndTheFilesSaySo(@TempDir Path out) throws IOException {
        Analysis<?, ?>.Finished finished = Analyses.byCode("a7").orElseThrow()
                .prepare(AnalysisInput.defaults(RING, new Workload(60_000, 42, 1)), null)
                .run(ProgressListener.NONE);
        WeightedServersAnalysis.Result result = (WeightedServersAnalysis.Result) finished.result();

        assertThat(result.rows()).hasSize(9);
        for (WeightedServersAnalysis.Row row : result.rows()) {
            assertThat(row.weightShare()).isEqualTo(row.weight() / 6.0);
            if (!row.algorithm().equals("ring")) {
                assertThat(row.requestShare()).as(row.algorithm() + " " + row.server()).isCloseTo(row.weightShare(), offset(0.01));
            }
        }
        for (String algorithm : List.of("ring", "maglev", "rendezvous")) {
            assertThat(result.rows().stream().filter(row -> row.algorithm().equals(algorithm))
                    .mapToLong(WeightedServersAnalysis.Row::requests).sum()).isEqualTo(60_000);
        }
        // 9 virtual nodes per unit of weight are few, so the ring only roughly follows: the heaviest still leads.
        List<WeightedServersAnalysis.Row> ring = result.rows().subList(0, 3);
        assertThat(ring.get(2).requests()).isGreaterThan(ring.get(0).requests());

        List<Path> written = finished.write(out);
        assertThat(written).extracting(path -> path.getFileName().toString()).containsExactly("a7.csv", "a7.png");
        List<CSVRecord> rows = DistributionExperimentTest.csv(out.resolve("a7.csv"));
        assertThat(rows).hasSize(9);
        assertThat(Long.parseLong(rows.get(5).get("requests"))).isEqualTo(result.rows().get(5).requests());
        assertThat(Files.size(out.resolve("a7.png"))).isGreaterThan(10_000);
        assertThat(finished.summary()).startsWith("A-7 done").contains("maglev 1.0");
    }

    @Test
    void weightsBeyondTheRingsRoomAreRefused() {
        RingConfig tiny = new RingConfig(40, 9, RingHash.MURMUR3, Probing.LINEAR);
        assertThatThrownBy(() -> new WeightedServersAnalysis.Parameters(tiny, Workload.of(1), List.of(1, 2, 3)))
                .hasMessage("a7 needs 54 slots for weights [1, 2, 3] with 9 virtual nodes per unit; the ring has 40");
        assertThatThrownBy(() -> new WeightedServersAnalysis.Parameters(RING, Workload.of(1), List.of(0, 1)))
                .hasMessageContaining("weights must be at least 1");
    }
}
