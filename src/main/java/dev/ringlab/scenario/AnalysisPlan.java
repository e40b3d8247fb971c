package dev.ringlab.scenario;

import dev.ringlab.experiment.TestbedFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An analysis with its parameters checked, ready to run as a step. This is the one seam between
 * scenarios and the analyses: a registry of analysis types plugs in here without the player changing.
 */
public interface AnalysisPlan {

    /** The analysis's code, as a file names it: {@code a1}. */
    String code();

    /** Its parameters as a file writes them (ScenarioWriter), every one given so nothing depends on defaults. */
    java.util.Map<String, Object> parameters();

    /** One line for the handout: "A-1 load distribution: 10,000 requests over 3 servers". */
    String summary();

    /** The figures it measures, which {@code expect} may check. */
    Set<String> metrics();

    /**
     * Runs it on fresh testbeds from {@code testbeds}, writing its PNG and CSV files into {@code folder}.
     *
     * @param seed     the seed of its requests unless its parameters name one
     * @param onCancel receives the action that stops it, for Ctrl-C
     */
    AnalysisOutcome run(long seed, TestbedFactory testbeds, Path folder, Consumer<Runnable> onCancel) throws IOException;
}
