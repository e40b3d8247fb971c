package dev.ringlab.ui;

import dev.ringlab.balancer.ClientTimeouts;
import dev.ringlab.experiment.Analyses;
import dev.ringlab.experiment.Analysis;
import dev.ringlab.experiment.AnalysisInput;
import dev.ringlab.experiment.FailoverParameters;
import dev.ringlab.experiment.FaultSettings;
import dev.ringlab.experiment.Workload;
import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Experiments tab's form without a control: the analysis chosen, its fields as typed, which of
 * them it reads (the others are greyed out and ignored, as the command line refuses options an
 * analysis does not read), and those fields read into an {@link AnalysisInput}, a bad one refused
 * with one line.
 */
public final class ExperimentForm {

    private final ObjectProperty<Analysis<?, ?>> analysis = new SimpleObjectProperty<>(this, "analysis", Analyses.A1);
    private final StringProperty requests = new SimpleStringProperty(this, "requests", "10000");
    private final StringProperty concurrency = new SimpleStringProperty(this, "concurrency", "4");
    private final StringProperty servers = new SimpleStringProperty(this, "servers", "3");
    private final StringProperty fromServers = new SimpleStringProperty(this, "fromServers", "2");
    private final StringProperty toServers = new SimpleStringProperty(this, "toServers", "6");
    private final StringProperty victim = new SimpleStringProperty(this, "victim", "");
    /** A-3's, A-6's and flapping's pace in requests per second; blank for the chosen analysis's default. */
    private final StringProperty rate = new SimpleStringProperty(this, "rate", "");
    /** How long A-6's and flapping's paced streams last, e.g. {@code 8s}; blank for the default. */
    private final StringProperty duration = new SimpleStringProperty(this, "duration", "");
    private final StringBinding description = Bindings.createStringBinding(
            () -> analysis.get() == null ? "" : analysis.get().description(), analysis);

    public ObjectProperty<Analysis<?, ?>> analysisProperty() {
        return analysis;
    }

    public StringProperty requestsProperty() {
        return requests;
    }

    public StringProperty concurrencyProperty() {
        return concurrency;
    }

    /** N, for the analyses that run over one number of servers. */
    public StringProperty serversProperty() {
        return servers;
    }

    public StringProperty fromServersProperty() {
        return fromServers;
    }

    public StringProperty toServersProperty() {
        return toServers;
    }

    /** The server A-3 kills; blank for the busiest. */
    public StringProperty victimProperty() {
        return victim;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public StringProperty durationProperty() {
        return duration;
    }

    public StringBinding description() {
        return description;
    }

    /** What the victim field is called for the chosen analysis: the server it kills, freezes or makes flap. */
    public StringBinding victimLabel() {
        return Bindings.createStringBinding(() -> {
            Analysis<?, ?> kind = analysis.get();
            if (kind != null && kind.uses(Analysis.Input.GRAY_FAILURE)) {
                return "Freeze";
            }
            return kind != null && kind.uses(Analysis.Input.FLAPPING) ? "Flap" : "Kill";
        }, analysis);
    }

    /** The rate the chosen analysis paces at when the field is blank, as the command line's --rate defaults. */
    public StringBinding defaultRate() {
        return Bindings.createStringBinding(() -> Integer.toString(defaultRate(analysis.get())), analysis);
    }

    private static int defaultRate(Analysis<?, ?> kind) {
        return kind != null && kind.uses(Analysis.Input.FAILURE) ? FailoverParameters.DEFAULT_RATE
                : FaultSettings.DEFAULT.rate();
    }

    /**
     * Whether the chosen analysis reads the form's victim field: the server A-3 kills, A-6 freezes and
     * flapping makes flap (the command line's --victim).
     */
    public BooleanBinding readsVictim() {
        return Bindings.createBooleanBinding(() -> readsVictim(analysis.get()), analysis);
    }

    /** Whether it reads the Rate field (--rate): A-3's pace, and the fault lessons'. */
    public BooleanBinding readsRate() {
        return Bindings.createBooleanBinding(() -> readsRate(analysis.get()), analysis);
    }

    /** Whether it reads the Duration field (--duration): the fault lessons, which pace rate x duration requests. */
    public BooleanBinding readsDuration() {
        return Bindings.createBooleanBinding(() -> readsDuration(analysis.get()), analysis);
    }

    // The fields several inputs share, read as the command line reads the options of the same names.
    private static boolean readsVictim(Analysis<?, ?> kind) {
        return usesAny(kind, Analysis.Input.FAILURE, Analysis.Input.GRAY_FAILURE, Analysis.Input.FLAPPING);
    }

    private static boolean readsRate(Analysis<?, ?> kind) {
        return usesAny(kind, Analysis.Input.FAILURE, Analysis.Input.GRAY_FAILURE, Analysis.Input.FLAPPING);
    }

    private static boolean readsDuration(Analysis<?, ?> kind) {
        return usesAny(kind, Analysis.Input.GRAY_FAILURE, Analysis.Input.FLAPPING);
    }

    private static boolean usesAny(Analysis<?, ?> kind, Analysis.Input... inputs) {
        return kind != null && java.util.Arrays.stream(inputs).anyMatch(kind::uses);
    }

    /** Whether the chosen analysis reads {@code input}: the form greys out the fields it does not. */
    public BooleanBinding uses(Analysis.Input input) {
        return Bindings.createBooleanBinding(() -> analysis.get() != null && analysis.get().uses(input), analysis);
    }

    /**
     * The fields the chosen analysis reads, as its input for a run with {@code seed} on a ring of
     * {@code ring}; a field it does not read keeps its default, whatever it holds.
     *
     * @throws IllegalArgumentException a field it reads that is not a whole number or a duration
     */
    AnalysisInput input(RingConfig ring, long seed) {
        Analysis<?, ?> kind = analysis.get();
        // A field the analysis does not read is greyed out and ignored, whatever it holds.
        Workload workload = new Workload(
                kind.uses(Analysis.Input.REQUESTS) ? number(requests, "requests") : Workload.DEFAULT_REQUESTS, seed,
                kind.uses(Analysis.Input.CONCURRENCY) ? number(concurrency, "concurrency") : 1);
        int pace = readsRate(kind) && !text(rate).isEmpty() ? number(rate, "rate") : defaultRate(kind);
        Duration stream = readsDuration(kind) && !text(duration).isEmpty()
                ? duration(text(duration)) : FaultSettings.DEFAULT.duration();
        String target = readsVictim(kind) && !text(victim).isEmpty() ? text(victim) : FailoverParameters.BUSIEST;
        return AnalysisInput.defaults(ring, workload)
                .withServers(kind.uses(Analysis.Input.SERVERS) ? number(servers, "N") : 1)
                .withServerRange(kind.uses(Analysis.Input.SERVER_RANGE) ? number(fromServers, "N from") : 1,
                        kind.uses(Analysis.Input.SERVER_RANGE) ? number(toServers, "N to") : 1)
                .withFailure(pace, FailoverParameters.DEFAULT_KILL_AFTER, target)
                .withFaults(FaultSettings.DEFAULT.withPace(pace, stream));
    }

    /** "10000 requests" or "200 requests/s for 8.0 s": what a run of {@code kind} sends, for the log. */
    static String describe(Analysis<?, ?> kind, AnalysisInput input) {
        if (kind.uses(Analysis.Input.REQUESTS)) {
            return input.workload().requests() + " requests";
        }
        return input.faults().rate() + " requests/s for " + input.faults().duration().toMillis() / 1000.0 + " s";
    }

    private static Duration duration(String text) {
        try {
            return ClientTimeouts.parse(text);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("duration: " + invalid.getMessage());
        }
    }

    private static String text(StringProperty field) {
        return field.get() == null ? "" : field.get().trim();
    }

    private static int number(StringProperty field, String what) {
        return WholeNumber.parse(text(field), what);
    }
}
