package org.smartcare.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the project's deploy/services script (restarts, fresh databases) and asserts it succeeded. */
public final class DeployServices {

    private DeployServices() {
    }

    public static void run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("smartcare.repo", "."), "deploy", "services").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertEquals(0, process.waitFor(), "deploy/services " + String.join(" ", args));
    }
}
