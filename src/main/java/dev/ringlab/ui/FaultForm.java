package dev.ringlab.ui;

import dev.ringlab.cluster.Fault;
import java.math.BigDecimal;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Slow…" dialog without its controls: the latency and error rate as typed, checked on every
 * keystroke against the limits of {@code POST /fault} (0..60000 ms, 0..1), with one error line per
 * field that names the limits. The dialog's OK stays disabled while either is wrong, so bad input
 * never reaches the cluster.
 */
public final class FaultForm {

    private final String server;
    private final StringProperty latency = new SimpleStringProperty(this, "latency", "0");
    private final StringProperty errorRate = new SimpleStringProperty(this, "errorRate", "0");
    private final ReadOnlyStringWrapper latencyError = new ReadOnlyStringWrapper(this, "latencyError", "");
    private final ReadOnlyStringWrapper errorRateError = new ReadOnlyStringWrapper(this, "errorRateError", "");
    private final BooleanBinding valid = Bindings.createBooleanBinding(
            () -> latencyError.get().isEmpty() && errorRateError.get().isEmpty(), latencyError, errorRateError);

    /** A form for {@code server}, filled with the fault it has now. */
    public FaultForm(String server, Fault now) {
        this.server = server;
        latency.addListener((obs, old, text) -> latencyError.set(latencyProblem(text)));
        errorRate.addListener((obs, old, text) -> errorRateError.set(errorRateProblem(text)));
        latency.set(Long.toString(now.latencyMs()));
        errorRate.set(BigDecimal.valueOf(now.errorRate()).stripTrailingZeros().toPlainString());
    }

    public String server() {
        return server;
    }

    /** Milliseconds added to every {@code /home}, as typed ("200" or "200 ms"). */
    public StringProperty latencyProperty() {
        return latency;
    }

    /** The share of {@code /home} answered 500, as typed: "0.1" or "10%". */
    public StringProperty errorRateProperty() {
        return errorRate;
    }

    /** Empty while the latency is right; otherwise one line naming the limits. */
    public ReadOnlyStringProperty latencyErrorProperty() {
        return latencyError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorRateErrorProperty() {
        return errorRateError.getReadOnlyProperty();
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    /** The fault typed, or null while a field is wrong (its error line says why). */
    public Fault fault() {
        if (!valid.get()) {
            return null;
        }
        return new Fault(parseLatency(latency.get()), parseRate(errorRate.get()));
    }

    static String latencyProblem(String text) {
        try {
            long ms = parseLatency(text);
            return ms < 0 || ms > Fault.MAX_LATENCY_MS ? latencyLimits(text) : "";
        } catch (NumberFormatException notANumber) {
            return latencyLimits(text);
        }
    }

    static String errorRateProblem(String text) {
        try {
            double rate = parseRate(text);
            return rate >= 0 && rate <= 1 ? "" : rateLimits(text);
        } catch (NumberFormatException notANumber) {
            return rateLimits(text);
        }
    }

    private static String latencyLimits(String text) {
        return "latency must be a whole number of ms within 0.." + Fault.MAX_LATENCY_MS + ", got '" + shown(text) + "'";
    }

    private static String rateLimits(String text) {
        return "error rate must be within 0..1 (or 0%..100%), got '" + shown(text) + "'";
    }

    private static String shown(String text) {
        return text == null ? "" : text.strip();
    }

    /** "200" or "200 ms"; a blank field is no latency. */
    static long parseLatency(String text) {
        String value = shown(text).toLowerCase(Locale.ROOT);
        if (value.endsWith("ms")) {
            // a unit with no number is a mistake, not "no latency"
            return Long.parseLong(value.substring(0, value.length() - 2).strip());
        }
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    /** "0.1" or "10%"; a blank field is no errors. NaN and infinities are refused like any other non-number. */
    static double parseRate(String text) {
        String value = shown(text);
        boolean percent = value.endsWith("%");
        if (percent) {
            // "%" alone is a mistake, not "no errors"
            return new BigDecimal(value.substring(0, value.length() - 1).strip()).doubleValue() / 100;
        }
        return value.isEmpty() ? 0 : new BigDecimal(value).doubleValue();
    }
}
