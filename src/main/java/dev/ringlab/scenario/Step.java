package dev.ringlab.scenario;

import java.util.List;

/**
 * One step of a scenario.
 *
 * @param number       1-based, as the handout and the error messages count
 * @param line         where it starts in the file
 * @param caption      the teacher's narration, or null
 * @param expectations what must hold when it is done
 */
public record Step(int number, int line, Action action, String caption, List<Expectation> expectations) {

    public Step {
        expectations = List.copyOf(expectations);
    }
}
