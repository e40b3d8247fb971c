package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.Fault;
import org.junit.jupiter.api.Test;

/** The "Slow…" dialog's checks, without the dialog: what it accepts, and the error line for what it does not. */
class FaultFormTest {

    private final FaultForm form = new FaultForm("Server 2", Fault.NONE);

    @Test
    void startsFromTheServersFaultNowAndGivesBackWhatWasTyped() {
        FaultForm slowed = new FaultForm("Server 2", new Fault(200, 0.1));
        assertThat(slowed.latencyProperty().get()).isEqualTo("200");
        assertThat(slowed.errorRateProperty().get()).isEqualTo("0.1");
        assertThat(slowed.fault()).isEqualTo(new Fault(200, 0.1));

        form.latencyProperty().set(" 350 ms ");
        form.errorRateProperty().set("25%");
        assertThat(form.validProperty().get()).isTrue();
        assertThat(form.fault()).isEqualTo(new Fault(350, 0.25));

        form.latencyProperty().set("60000");
        form.errorRateProperty().set("1");
        assertThat(form.fault()).isEqualTo(new Fault(60_000, 1));
        form.latencyProperty().set("");
        form.errorRateProperty().set("");
        assertThat(form.fault()).isEqualTo(Fault.NONE);
    }

    @Test
    void aLatencyOutsideAMinuteOrNotAWholeNumberIsOneLineThatNamesTheLimits() {
        for (String bad : new String[] {"-1", "60001", "1.5", "abc", "ms", "9999999999999999999999"}) {
            form.latencyProperty().set(bad);
            assertThat(form.latencyErrorProperty().get())
                    .isEqualTo("latency must be a whole number of ms within 0..60000, got '" + bad + "'");
            assertThat(form.validProperty().get()).isFalse();
            assertThat(form.fault()).isNull();
        }
        form.latencyProperty().set("200");
        assertThat(form.latencyErrorProperty().get()).isEmpty();
        assertThat(form.errorRateErrorProperty().get()).isEmpty();
    }

    @Test
    void anErrorRateOutsideZeroToOneIsRefusedWhetherAFractionOrAPercentage() {
        for (String bad : new String[] {"1.5", "-0.1", "101%", "NaN", "Infinity", "ten", "%"}) {
            form.errorRateProperty().set(bad);
            assertThat(form.errorRateErrorProperty().get())
                    .isEqualTo("error rate must be within 0..1 (or 0%..100%), got '" + bad + "'");
            assertThat(form.fault()).isNull();
        }
        form.errorRateProperty().set("12.5%");
        assertThat(form.errorRateErrorProperty().get()).isEmpty();
        assertThat(form.fault().errorRate()).isEqualTo(0.125);
    }
}
