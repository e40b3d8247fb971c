package dev.ringlab.cluster.swarm;

import dev.ringlab.cluster.docker.Engine;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A swarm for the integration tests: the engine's own when it already is a manager, otherwise a
 * one-node swarm made here ({@code docker swarm init --advertise-addr 127.0.0.1}) and left again at
 * the end, so the engine is left as it was found. Plain containers of other tests are not affected
 * by the engine being a swarm manager. The swarm is never left while any service remains on it.
 * Use with {@code @ExtendWith(TestSwarm.class)}.
 */
final class TestSwarm implements BeforeAllCallback, AfterAllCallback {

    private boolean created;

    @Override
    public void beforeAll(ExtensionContext context) {
        Engine.require();
        String state = String.join("", Engine.docker("info", "--format", "{{.Swarm.LocalNodeState}}")).strip();
        if (!state.equals("active")) {
            Engine.docker("swarm", "init", "--advertise-addr", "127.0.0.1");
            created = true;
        }
    }

    /** Full ids of this swarm's services carrying {@code label} ("key" or "key=value"). */
    static List<String> servicesLabelled(String label) {
        List<String> shortIds = Engine.docker("service", "ls", "-q", "--filter", "label=" + label);
        if (shortIds.isEmpty()) {
            return shortIds;
        }
        List<String> inspect = new java.util.ArrayList<>(List.of("service", "inspect", "--format", "{{.ID}}"));
        inspect.addAll(shortIds);
        return Engine.docker(inspect.toArray(String[]::new));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (created && Engine.docker("service", "ls", "-q").isEmpty()) {
            Engine.docker("swarm", "leave", "--force");
        }
    }
}
