package dev.ringlab.scenario;

/** An expectation against what was measured; {@code actual} is null when the step could not measure it. */
public record Check(Expectation expectation, Double actual) {

    public boolean passed() {
        return actual != null && expectation.holds(actual);
    }
}
