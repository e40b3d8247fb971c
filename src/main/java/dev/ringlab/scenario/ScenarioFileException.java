package dev.ringlab.scenario;

/**
 * A scenario file that cannot be played, refused before anything starts. The message names the file,
 * the line and the step, then what was expected, like a compiler's:
 * {@code lesson.yaml:14: step 3 (kill): unknown server 'Server 9' (servers then: Server 1, Server 2)}.
 */
public final class ScenarioFileException extends RuntimeException {

    private final String source;
    private final int line;
    private final int step;

    /**
     * @param line 1-based, 0 when unknown
     * @param step 1-based step number, 0 outside the steps
     * @param action the step's action (kill, send, ...), or null
     */
    public ScenarioFileException(String source, int line, int step, String action, String problem) {
        super(source + (line > 0 ? ":" + line : "") + ": "
                + (step > 0 ? "step " + step + (action == null ? "" : " (" + action + ")") + ": " : "") + problem);
        this.source = source;
        this.line = line;
        this.step = step;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int step() {
        return step;
    }
}
