package dev.ringlab.experiment.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Compare charts name each algorithm whole, on lines a category's width holds. */
class CompareChartLabelsTest {

    @Test
    void aLongNameBreaksAtItsParenthesisAndCommasNotMidWord() {
        assertThat(CompareCharts.lines("bounded(V=9,c=1.25)")).isEqualTo("bounded\n(V=9,\nc=1.25)");
        assertThat(CompareCharts.lines("maglev(M=65537)")).isEqualTo("maglev\n(M=65537)");
        assertThat(CompareCharts.lines("rendezvous")).isEqualTo("rendezvous");
    }
}
