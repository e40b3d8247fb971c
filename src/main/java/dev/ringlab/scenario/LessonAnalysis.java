package dev.ringlab.scenario;

import dev.ringlab.ring.RingConfig;

/** An analysis a step can name ({@code analysis: a1}): it reads its own parameters and plans a run. */
interface LessonAnalysis {

    String name();

    /**
     * Checks {@code parameters} (null when the step gives none) and plans a run on rings shaped like
     * {@code ring} unless the parameters reshape it; a bad value is refused at its line.
     *
     * @param requestCap at most this many requests per run (a quick rehearsal), or 0 for no cap
     */
    AnalysisPlan plan(Fields.Where where, YamlNode parameters, RingConfig ring, int requestCap);
}
