package dev.ringlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlab.cli.ExperimentCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Swarm flags and commands refuse bad input in one line, before any engine is asked anything. */
class SwarmCommandsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "serve --follow-swarm --replicas 2            | --follow-swarm starts no servers: drop --replicas",
        "serve --follow-swarm=abc --backend docker    | --follow-swarm follows Swarm services: drop --backend docker",
        "serve --follow-swarm --image repo/img:1      | --follow-swarm starts no servers: drop --image",
        "serve --image repo/img:1                     | --image names the replica image of Swarm services: add --backend swarm",
        "serve --backend swarm --image=               | --image must name an image",
        "serve --backend mesos                        | unknown backend 'mesos' (known: auto, docker, swarm, process, sim)",
        "experiment agreement --servers 1             | --servers must be between 2 and 20, got 1",
        "experiment agreement --period-ms 0           | --period-ms must be between 1 and 1000, got 0",
        "experiment agreement --hash sha1             | unknown hash function 'sha1'",
        "images save                                  | Missing required parameter: 'FILE'",
    })
    void badInputIsOneLineAndExitTwo(String command, String message) {
        List<String> args = new ArrayList<>(List.of(command.trim().split("\\s+")));

        Run run = ExperimentCommandTest.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip()).doesNotContain("\n");
    }

    @Test
    void imagesSaveNamesAFileInAFolderThatExists(@TempDir Path folder) throws Exception {
        Run intoFolder = ExperimentCommandTest.run("images", "save", folder.toString());
        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.err()).contains(folder + " is a directory: name the tar file to write");

        Run nowhere = ExperimentCommandTest.run("images", "save", folder.resolve("missing/replica.tar").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err()).contains("the folder " + folder.resolve("missing") + " does not exist");
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }
}
