package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The "What just happened" panel's figures, and the ideal for every kind of change. */
class ChangeReportTest {

    private static final RingConfig CONFIG = RingConfig.DEFAULT.withHash(RingHash.MURMUR3);

    private static List<Server> servers(int... ids) {
        return IntStream.of(ids).mapToObj(id -> new Server(id, "Server " + id)).toList();
    }

    private static RingSnapshot ring(RingConfig config, int... ids) {
        return RingSnapshot.of(config, servers(ids));
    }

    @Test
    void aHeavyServerIsOwedItsShareOfTheTotalWeight() {
        RingSnapshot three = ring(CONFIG, 1, 2, 3);
        RingSnapshot withBig = RingSnapshot.of(CONFIG, List.of(new Server(1, "Server 1"), new Server(2, "Server 2"),
                new Server(3, "Server 3"), new Server(4, "Big", 3)));
        ChangeReport joined = ChangeReport.between(three, withBig);
        assertThat(joined.ideal()).isCloseTo(0.5, within(1e-9));
        assertThat(joined.idealReason()).isEqualTo("ideal 3/6 = 50.0% by weight (the newcomers' share of the total weight)");
        ChangeReport left = ChangeReport.between(withBig, three);
        assertThat(left.ideal()).isCloseTo(0.5, within(1e-9));
        assertThat(left.idealReason()).isEqualTo("ideal 3/6 = 50.0% by weight (only the leavers' keys)");
    }

    @Test
    void oneJoinIsIdeallyTheNewcomersEvenShare() {
        ChangeReport report = ChangeReport.between(ring(CONFIG, 1, 2, 3), ring(CONFIG, 1, 2, 3, 4));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.JOINED);
        assertThat(report.ideal()).isCloseTo(0.25, within(1e-9));
        assertThat(report.headline()).isEqualTo("Server 4 joined (3 → 4 servers)");
        assertThat(report.idealReason()).isEqualTo("ideal 1/4 = 25.0% (the newcomer's even share)");
        // every moved slot went to the newcomer, and the sampled keys agree with the slots
        assertThat(report.flows()).allSatisfy(flow -> assertThat(flow.to().name()).isEqualTo("Server 4"));
        assertThat(report.movedKeyShare()).isCloseTo((double) report.movedSlots().size() / 512, within(0.05));
    }

    @Test
    void fiveToThreeServersIsIdeallyFortyPercent() {
        ChangeReport report = ChangeReport.between(ring(CONFIG, 1, 2, 3, 4, 5), ring(CONFIG, 1, 2, 3));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.LEFT);
        assertThat(report.ideal()).isCloseTo(0.40, within(1e-9));
        assertThat(report.headline()).isEqualTo("Server 4, Server 5 left at once (5 → 3 servers)");
        assertThat(report.movedLine()).contains("ideal 2/5 = 40.0% (only the leavers' keys)");
        assertThat(report.flows()).allSatisfy(flow -> assertThat(flow.from().id()).isIn(4, 5));
    }

    @Test
    void severalJoiningAtOnceIsIdeallyTheirJointShare() {
        ChangeReport report = ChangeReport.between(ring(CONFIG, 1, 2), ring(CONFIG, 1, 2, 3, 4));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.JOINED);
        assertThat(report.ideal()).isCloseTo(0.5, within(1e-9));
        assertThat(report.idealReason()).startsWith("ideal 2/4 = 50.0%");
    }

    @Test
    void aReplacementMovesOnlyTheLeaversKeysIdeally() {
        ChangeReport report = ChangeReport.between(ring(CONFIG, 1, 2, 3), ring(CONFIG, 1, 3, 4));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.JOINED_AND_LEFT);
        assertThat(report.ideal()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(report.headline()).isEqualTo("Server 4 joined, Server 2 left (3 → 3 servers)");
    }

    @Test
    void aRehashIsNotAMembershipChangeAndReshufflesKeys() {
        RingSnapshot before = ring(RingConfig.DEFAULT, 1, 2, 3);
        ChangeReport report = ChangeReport.between(before, ring(CONFIG, 1, 2, 3));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.REHASH);
        assertThat(report.ideal()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(report.headline()).startsWith("Rehash: assignment → murmur3 hash");
        assertThat(report.idealReason()).startsWith("not a membership change");
    }

    @Test
    void aResizeComparesKeysNotSlots() {
        RingConfig bigger = new RingConfig(1024, 9, RingHash.MURMUR3, CONFIG.probing());
        ChangeReport report = ChangeReport.between(ring(CONFIG, 1, 2, 3, 4, 5), ring(bigger, 1, 2, 3, 4, 5));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.RESIZE);
        assertThat(report.ideal()).isCloseTo(0.8, within(1e-9));
        assertThat(report.movedSlots()).isEmpty();
        assertThat(report.movedKeys()).isPositive();
        assertThat(report.headline()).startsWith("Resize: 512 → 1024 slots");
    }

    @Test
    void theFirstServersMoveNothing() {
        ChangeReport report = ChangeReport.between(RingSnapshot.empty(CONFIG), ring(CONFIG, 1, 2, 3));
        assertThat(report.kind()).isEqualTo(ChangeReport.Kind.FIRST);
        assertThat(report.movedKeys()).isZero();
        assertThat(report.movedLine()).doesNotContain("100").contains("nothing moves");
    }

    @Test
    void sharesBeforeAndAfterNameEveryServer() {
        ChangeReport report = ChangeReport.between(ring(CONFIG, 1, 2), ring(CONFIG, 1, 2, 3));
        assertThat(report.shareLines()).hasSize(3).last().asString().startsWith("Server 3: — → ");
    }
}
