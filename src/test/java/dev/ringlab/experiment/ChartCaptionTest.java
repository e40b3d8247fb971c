package dev.ringlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RingConfig;
import org.junit.jupiter.api.Test;

/** A figure's caption says what it was made from, without the embedded balancer's port of the moment. */
class ChartCaptionTest {

    @Test
    void theEmbeddedBalancersEphemeralAddressIsLeftOutAndAChosenTargetKept() {
        String embedded = ChartStyle.caption(RingConfig.DEFAULT, "3 servers", new Workload(1_600, 41, 1),
                "processes behind the embedded balancer at http://127.0.0.1:43109");
        String target = ChartStyle.caption(RingConfig.DEFAULT, "3 servers", new Workload(1_600, 41, 1),
                "the balancer at http://lab.example:5000");

        assertThat(embedded).endsWith("seed 41 · processes behind the embedded balancer").doesNotContain("127.0.0.1");
        assertThat(target).endsWith("the balancer at http://lab.example:5000");
    }
}
