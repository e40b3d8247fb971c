package dev.ringlab.experiment;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Every analysis RingLab offers, in the order menus and usage lines list them. A new analysis is a
 * subclass of {@link Analysis} and one line here; the command line and the window pick it up. The
 * algorithm comparison ({@code experiment.compare.CompareAnalysis}) is an analysis too, but with options
 * and a window tab of its own it is not listed here (and {@code experiment} stays free of a cycle with
 * {@code experiment.compare}, which draws with {@link ChartStyle}).
 */
public final class Analyses {

    public static final Analysis<DistributionParameters, DistributionResult> A1 = new DistributionAnalysis();
    public static final Analysis<ScalingParameters, ScalingResult> A2 = new ScalingAnalysis();
    public static final Analysis<FailoverParameters, FailoverResult> A3 = new FailoverAnalysis();
    public static final Analysis<HashComparisonParameters, HashComparisonResult> A4 = new HashComparisonAnalysis();
    public static final Analysis<HotKeysParameters, HotKeysResult> A5 = new HotKeysAnalysis();
    public static final Analysis<GrayFailureParameters, GrayFailureResult> A6 = new GrayFailureAnalysis();
    public static final Analysis<?, ?> A7 = new WeightedServersAnalysis();
    public static final Analysis<FlappingParameters, FlappingResult> FLAP = new FlappingAnalysis();

    private static final List<Analysis<?, ?>> ALL = List.of(A1, A2, A3, A4, A5, A6, A7, FLAP);

    private Analyses() {
    }

    public static List<Analysis<?, ?>> all() {
        return ALL;
    }

    /** By its command-line code, case and spaces ignored. */
    public static Optional<Analysis<?, ?>> byCode(String code) {
        String wanted = code.trim();
        return ALL.stream().filter(analysis -> analysis.code().equalsIgnoreCase(wanted)).findFirst();
    }

    /** "a1, a2, a3, a4" */
    public static String codes() {
        return ALL.stream().map(Analysis::code).collect(Collectors.joining(", "));
    }
}
