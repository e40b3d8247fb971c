package dev.ringlab.experiment;

import dev.ringlab.ring.RingConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a person can set for an analysis, as the command line's flags and the window's form
 * give it; each analysis reads the part it {@linkplain Analysis#inputs() uses} and checks it when it
 * builds its parameters. The workload is already checked.
 *
 * @param victim        the server A-3 kills: a name, or null for the busiest
 * @param zipfExponent  A-5's skew {@code s}
 * @param keySpace      A-5's number of distinct keys
 * @param loadFactor    bounded loads' {@code c}
 * @param faults        A-6's and flapping's pace, faults, timeouts and hysteresis
 */
public record AnalysisInput(RingConfig ring, Workload workload, int servers, int minServers, int maxServers,
                            int rate, Duration killAfter, String victim, double zipfExponent, int keySpace,
                            double loadFactor, FaultSettings faults) {

    public static final double DEFAULT_ZIPF_EXPONENT = 1.1;
    public static final int DEFAULT_KEY_SPACE = 10_000;
    public static final double DEFAULT_LOAD_FACTOR = 1.25;

    public AnalysisInput {
        Objects.requireNonNull(ring, "ring");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(killAfter, "killAfter");
        Objects.requireNonNull(faults, "faults");
        victim = victim == null || victim.isBlank() ? null : victim.trim();
    }

    /** Without fault settings: the defaults of A-6 and flapping. */
    public AnalysisInput(RingConfig ring, Workload workload, int servers, int minServers, int maxServers, int rate,
                         Duration killAfter, String victim, double zipfExponent, int keySpace, double loadFactor) {
        this(ring, workload, servers, minServers, maxServers, rate, killAfter, victim, zipfExponent, keySpace,
                loadFactor, FaultSettings.DEFAULT);
    }

    /** The defaults of every analysis, on {@code ring} with {@code workload}. */
    public static AnalysisInput defaults(RingConfig ring, Workload workload) {
        return new AnalysisInput(ring, workload, DistributionParameters.DEFAULT_SERVERS,
                ScalingParameters.DEFAULT_MIN_SERVERS, ScalingParameters.DEFAULT_MAX_SERVERS,
                FailoverParameters.DEFAULT_RATE, FailoverParameters.DEFAULT_KILL_AFTER, null, DEFAULT_ZIPF_EXPONENT,
                DEFAULT_KEY_SPACE, DEFAULT_LOAD_FACTOR);
    }

    public AnalysisInput withServers(int n) {
        return new AnalysisInput(ring, workload, n, minServers, maxServers, rate, killAfter, victim, zipfExponent,
                keySpace, loadFactor, faults);
    }

    public AnalysisInput withServerRange(int from, int to) {
        return new AnalysisInput(ring, workload, servers, from, to, rate, killAfter, victim, zipfExponent, keySpace,
                loadFactor, faults);
    }

    public AnalysisInput withFailure(int newRate, Duration newKillAfter, String newVictim) {
        return new AnalysisInput(ring, workload, servers, minServers, maxServers, newRate, newKillAfter, newVictim,
                zipfExponent, keySpace, loadFactor, faults);
    }

    public AnalysisInput withHotKeys(double exponent, int space, double factor) {
        return new AnalysisInput(ring, workload, servers, minServers, maxServers, rate, killAfter, victim, exponent,
                space, factor, faults);
    }

    public AnalysisInput withFaults(FaultSettings newFaults) {
        return new AnalysisInput(ring, workload, servers, minServers, maxServers, rate, killAfter, victim, zipfExponent,
                keySpace, loadFactor, newFaults);
    }
}
