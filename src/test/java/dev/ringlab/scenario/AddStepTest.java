package dev.ringlab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code add} step in the shapes of the classic {@code /add}: a count, names of one's own, and a map
 * with a count and weights; the servers named join first and take ids, as the cluster gives them, so the
 * steps after them name the same servers; a bad add is refused with its line.
 */
class AddStepTest {

    private static final String HEADER = """
            title: Adds
            servers: 3
            steps:
            """;

    private static Scenario read(String steps) {
        return new ScenarioReader().read("lesson.yaml", HEADER + steps);
    }

    private static String refused(String steps) {
        try {
            read(steps);
        } catch (ScenarioFileException refused) {
            return refused.getMessage();
        }
        throw new AssertionError("the file was accepted:\n" + steps);
    }

    @Test
    void countsNamesAndWeightsReadAndWriteBackTheSame() {
        Scenario scenario = read("""
                  - add: 1
                  - add: S5
                  - add: [S6, s7.lab]
                  - add: {servers: [Big], count: 2, weights: [3, 2]}
                  - kill: Server 9
                  - remove: [Big, S5]
                """);

        assertThat(scenario.steps()).extracting(Step::action).containsExactly(
                new Action.Add(1),
                new Action.Add(1, List.of("S5"), List.of()),
                new Action.Add(2, List.of("S6", "s7.lab"), List.of()),
                new Action.Add(2, List.of("Big"), List.of(3, 2)),
                new Action.Kill("Server 9"), // Server 4, S5 (5), S6 (6), s7.lab (7), Big (8), then Server 9
                new Action.Remove(List.of("Big", "S5"), 2));
        assertThat(scenario.steps().get(3).action().summary()).isEqualTo("add Big (weight 3) and 1 server (weight 2)");
        String written = ScenarioWriter.write(scenario, null);
        assertThat(written).contains("add: S5", "count: 2", "weights:");
        assertThat(new ScenarioReader().read("again", written).steps()).extracting(Step::action)
                .containsExactlyElementsOf(scenario.steps().stream().map(Step::action).toList());
    }

    @Test
    void aBadAddSaysWhatIsWrongOnItsLine() {
        assertThat(refused("  - add: Server 5\n")).startsWith("lesson.yaml:4: step 1 (add): invalid server name 'Server 5'");
        assertThat(refused("  - add: [S5, S5]\n")).contains("'S5' is already on the ring or listed twice");
        assertThat(refused("  - add: {servers: [S5, S6], count: 1}\n")).contains("'count' is how many servers join");
        assertThat(refused("  - add: {count: 1, weights: [2, 2]}\n")).contains("2 weights for 1 new servers");
        assertThat(refused("  - add: {count: 1, weights: [0]}\n")).contains("weight");
        assertThat(refused("  - add: {count: 1, weight: 2}\n")).contains("unknown key 'weight'");
        assertThat(refused("  - add: {count: 2, weights: [30, 30]}\n")).contains("no room for 2 more server(s) of total weight 60");
        assertThatThrownBy(() -> new Action.Add(1, List.of("A", "B"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
