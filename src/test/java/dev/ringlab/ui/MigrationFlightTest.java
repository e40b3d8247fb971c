package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.palette.ServerColours;
import dev.ringlab.ring.RingConfig;
import dev.ringlab.ring.RingHash;
import dev.ringlab.ring.RingSnapshot;
import dev.ringlab.ring.Server;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which moved keys fly, from where to where, and what the caption says. */
class MigrationFlightTest {

    private static final RingConfig CONFIG = RingConfig.DEFAULT.withHash(RingHash.MURMUR3);

    private static RingSnapshot ring(RingConfig config, int... ids) {
        return RingSnapshot.of(config, IntStream.of(ids).mapToObj(id -> new Server(id, "Server " + id)).toList());
    }

    @Test
    void aJoinSendsAnEvenSelectionOfTheMovedKeysToTheNewcomer() {
        ChangeReport change = ChangeReport.between(ring(CONFIG, 1, 2, 3), ring(CONFIG, 1, 2, 3, 4));
        ServerColours.keepOnly(change.after().servers());

        MigrationFlight.Plan plan = MigrationFlight.plan(change);

        // the same keys the panel counts: ~2,500 of 10,000 moved, 40 of them fly
        assertThat(plan.moved()).isEqualTo(change.movedKeys());
        assertThat(plan.dots()).hasSize(MigrationFlight.MAX_DOTS);
        assertThat(plan.caption()).isEqualTo(String.format("40 of %,d moved keys flying", plan.moved()));
        for (MigrationFlight.Dot dot : plan.dots()) {
            assertThat(dot.to().name()).isEqualTo("Server 4");
            assertThat(dot.from()).isNotEqualTo(dot.to());
            // from the old owner's virtual node to the newcomer's, the short way round
            int fromSlot = change.before().owningVirtualNode(change.before().slotOf(dot.key())).slot();
            int toSlot = change.after().owningVirtualNode(change.after().slotOf(dot.key())).slot();
            assertThat(dot.start()).isEqualTo(fromSlot / 512.0);
            assertThat(dot.start() + dot.turn() - Math.floor(dot.start() + dot.turn())).isCloseTo(toSlot / 512.0,
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(Math.abs(dot.turn())).isLessThanOrEqualTo(0.5);
            assertThat(dot.toColour()).isEqualTo(ServerColours.of("Server 4"));
        }
    }

    @Test
    void fewMovedKeysAllFlyAndALeaversKeysLeaveInGrey() {
        // with many virtual nodes per server one leaver among many moves few keys; cut the sample down
        RingConfig config = new RingConfig(512, 2, RingHash.MURMUR3, dev.ringlab.ring.Probing.LINEAR);
        ChangeReport change = ChangeReport.between(ring(config, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                16, 17, 18, 19, 20), ring(config, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19));
        ServerColours.keepOnly(change.after().servers());

        MigrationFlight.Plan plan = MigrationFlight.plan(change);

        assertThat(plan.moved()).isEqualTo(change.movedKeys()).isPositive();
        if (plan.moved() <= MigrationFlight.MAX_DOTS) {
            assertThat(plan.dots()).hasSize(plan.moved());
            assertThat(plan.caption()).startsWith(plan.moved() + " moved ");
        }
        assertThat(plan.dots()).allSatisfy(dot -> {
            assertThat(dot.from().name()).isEqualTo("Server 20");
            assertThat(dot.fromColour()).isNull(); // drawn in the ghost's grey: Server 20 gave its colour back
            assertThat(dot.turn()).isPositive(); // on to the next node clockwise
        });
    }

    @Test
    void theFirstServersMoveNothing() {
        ChangeReport change = ChangeReport.between(RingSnapshot.empty(CONFIG), ring(CONFIG, 1, 2));
        assertThat(MigrationFlight.plan(change).dots()).isEmpty();
        assertThat(MigrationFlight.plan(change).caption()).isEmpty();
    }
}
