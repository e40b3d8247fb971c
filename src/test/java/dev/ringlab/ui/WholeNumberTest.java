package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The window's number fields: a number too large is said to be too large, not "not a whole number". */
class WholeNumberTest {

    @Test
    void aNumberReadsAsItselfAndAnythingElseSaysWhy() {
        assertThat(WholeNumber.parse(" 10000 ", "requests")).isEqualTo(10_000);
        assertThatThrownBy(() -> WholeNumber.parse("ten", "requests"))
                .hasMessage("requests must be a whole number, got 'ten'");
        assertThatThrownBy(() -> WholeNumber.parse("99999999999", "requests"))
                .hasMessage("requests is far too large: '99999999999'");
        assertThatThrownBy(() -> WholeNumber.parse("-99999999999", "servers"))
                .hasMessage("servers is far too small: '-99999999999'");
    }

    @Test
    void theExperimentFormSaysSoToo() {
        ExperimentForm form = new ExperimentForm();
        form.requestsProperty().set("99999999999");
        assertThatThrownBy(() -> form.input(dev.ringlab.ring.RingConfig.DEFAULT, 1)).hasMessageContaining("far too large");
    }
}
