package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cluster.BackendKind;
import dev.ringlab.cluster.docker.DockerEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackendsTest {

    @Test
    void autoPicksDockerExactlyWhenAnEngineAnswersAndSaysSo() {
        List<String> notes = new ArrayList<>();
        BackendKind picked = Backends.Choice.AUTO.resolve(notes::add);
        boolean engine = DockerEngine.fromEnvironment().answers();
        assertThat(picked).isEqualTo(engine ? BackendKind.DOCKER : BackendKind.PROCESS);
        assertThat(notes).singleElement().asString()
                .startsWith(engine ? "backend: Docker (auto: an engine answers at" : "backend: processes (auto: no Docker engine");
    }

    @Test
    void namedChoicesNeedNoEngineAndSayNothing() {
        List<String> notes = new ArrayList<>();
        assertThat(Backends.Choice.DOCKER.resolve(notes::add)).isEqualTo(BackendKind.DOCKER);
        assertThat(Backends.Choice.PROCESS.resolve(notes::add)).isEqualTo(BackendKind.PROCESS);
        assertThat(Backends.Choice.SIM.resolve(notes::add)).isEqualTo(BackendKind.SIM);
        assertThat(notes).isEmpty();
    }

    @Test
    void anUnknownBackendIsOneLineAndExitTwo() {
        for (String command : List.of("serve", "experiment", "gui")) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            List<String> args = new ArrayList<>(List.of(command));
            if (command.equals("experiment")) {
                args.add("a1");
            }
            args.addAll(List.of("--backend", "kubernetes"));
            int exit = RingLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                    .execute(args.toArray(String[]::new));
            assertThat(exit).as(command).isEqualTo(2);
            assertThat(err.toString().strip()).as(command).doesNotContain("\n").contains("unknown backend 'kubernetes'")
                    .contains("docker");
        }
    }
}
