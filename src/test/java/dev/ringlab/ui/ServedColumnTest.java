package dev.ringlab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.ring.RequestKey;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The servers table's "Served" column: a server added under the name of one that left starts from its own
 * zero. The route counts by name, so before, a new S5 showed the old S5's 3,821 at 0 requests per second.
 */
class ServedColumnTest {

    @Test
    void aNewServerUnderAnOldNameStartsFromZero() throws Exception {
        try (SimulatedWindow window = new SimulatedWindow(0)) {
            LabSession session = window.session;
            session.add("base", 1).get(10, TimeUnit.SECONDS);
            session.add("S5", 1).get(10, TimeUnit.SECONDS);
            long sent = 0;
            for (int key = 0; sent < 20; key++) {
                if (session.send(RequestKey.of("k" + key)).server().name().equals("S5")) {
                    sent++;
                }
            }
            window.framesUntil(() -> window.window.servers().served("S5") == 20);

            session.remove("S5").get(10, TimeUnit.SECONDS);
            session.add("S5", 1).get(10, TimeUnit.SECONDS);

            window.framesUntil(() -> window.window.servers().rows().stream().anyMatch(row -> row.name().equals("S5")));
            window.framesUntil(() -> window.window.servers().served("S5") == 0);
            assertThat(window.window.servers().served("base")).as("the other server keeps its count").isPositive();
        }
    }
}
