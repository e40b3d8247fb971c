package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.SimBackend;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DistributionExperimentTest {

    static final TestbedFactory SIM = InProcessTestbed.factory(SimBackend::new);

    static DistributionResult a1(RingHash hash, long seed, int concurrency) {
        return new DistributionExperiment(SIM).run(new DistributionParameters(RingConfig.DEFAULT.withHash(hash), 3,
                new Workload(10_000, seed, concurrency)), ProgressListener.NONE);
    }

    @Test
    void theSameSeedGivesTheSameFiguresAndAnotherSeedOtherOnes() {
        DistributionResult first = a1(RingHash.MURMUR3, 42, 1);
        DistributionResult again = a1(RingHash.MURMUR3, 42, 1);
        DistributionResult other = a1(RingHash.MURMUR3, 43, 1);

        assertThat(again.loads()).isEqualTo(first.loads());
        assertThat(other.loads()).isNotEqualTo(first.loads());
        assertThat(RequestKeys.random(42, 100)).isEqualTo(RequestKeys.random(42, 100));
    }

    @Test
    void manySendingThreadsCountTheSameAsOne() {
        assertThat(a1(RingHash.MURMUR3, 7, 4).loads()).isEqualTo(a1(RingHash.MURMUR3, 7, 1).loads());
    }

    @Test
    void theCsvHasARowPerServerAndItsCountsAddUpToTheRequests(@TempDir Path out) throws IOException {
        DistributionResult result = a1(RingHash.ASSIGNMENT, 42, 1);

        List<Path> written = Analyses.A1.finished(result).write(out);

        assertThat(written).containsExactly(out.resolve("a1.csv"), out.resolve("a1.png"));
        assertThat(Files.readAllLines(out.resolve("a1.csv")).get(0)).isEqualTo("server,requests");
        List<CSVRecord> rows = csv(out.resolve("a1.csv"));
        assertThat(rows).extracting(row -> row.get("server")).containsExactly("Server 1", "Server 2", "Server 3");
        assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.get("requests"))).sum()).isEqualTo(10_000);
        assertThat(result.failed()).isZero();
        assertThat(Files.size(out.resolve("a1.png"))).isPositive();
        assertThat(new String(Files.readAllBytes(out.resolve("a1.png")), 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PNG");
    }

    /** The original project's finding: with servers 1..3 the assignment's virtual nodes sit side by side. */
    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2025})
    void theAssignmentHashGivesMostRequestsToOneServerAndMurmur3Spreads(long seed) {
        DistributionResult assignment = a1(RingHash.ASSIGNMENT, seed, 1);
        DistributionResult murmur3 = a1(RingHash.MURMUR3, seed, 1);

        assertThat(assignment.loads().get(0).server()).isEqualTo("Server 1");
        assertThat(assignment.loads().get(0).requests()).isGreaterThan(9_000);
        assertThat(murmur3.spread().max()).isLessThan(5_000);
        assertThat(murmur3.spread().min()).isGreaterThan(2_000);
    }

    @Test
    void progressComesInAFewBatchesAndEndsComplete() {
        List<Progress> seen = new CopyOnWriteArrayList<>();
        DistributionResult result = new DistributionExperiment(SIM).run(new DistributionParameters(RingConfig.DEFAULT, 3,
                new Workload(200_000, 1, 2)), seen::add);

        assertThat(seen).isNotEmpty().hasSizeLessThan(200_000 / 64);
        Progress last = seen.get(seen.size() - 1);
        assertThat(last.done()).isEqualTo(200_000);
        assertThat(last.fraction()).isEqualTo(1.0);
        // The per-server counts a live chart draws: in the end the same as the result's.
        assertThat(last.loads()).containsExactlyElementsOf(result.loads());
        assertThat(last.loads()).extracting(ServerLoad::server).containsExactly("Server 1", "Server 2", "Server 3");
        assertThat(last.loads().stream().mapToLong(ServerLoad::requests).sum()).isEqualTo(200_000);
        List<Long> done = new ArrayList<>(seen.stream().map(Progress::done).toList());
        assertThat(done).isSorted();
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
