package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The command line without a broker: usage errors, help, and an unreachable broker. */
class SosCommandTest {

    @Test
    void helpShowsEveryOptionAndExamples() {
        CliRun run = CliRun.of("sos", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String option : new String[] {"--device=ID", "--password=SECRET", "--devices=FILE", "--type", "--rate",
                "--count", "--duration", "--seed", "--location", "--broker", "--timeout", "--publish-as", "Examples:",
                "sos_press, sos_cancel, fall_detected"}) {
            assertTrue(run.out().contains(option), () -> option + " missing from help:\n" + run.out());
        }
    }

    @Test
    void topCommandWithoutSubcommandIsAUsageError() {
        CliRun run = CliRun.of();

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Missing required subcommand"), run::toString);
    }

    @Test
    void aDeviceSourceIsRequired() {
        CliRun run = CliRun.of("sos");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("Missing devices: give --device ID --password SECRET, or --devices FILE"),
                run::toString);
    }

    @Test
    void deviceAndDevicesFileExcludeEachOther() {
        CliRun run = CliRun.of("sos", "--device", "btn-1", "--password", "x",
                "--devices", Fixtures.path("credentials/valid.csv").toString());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--devices FILE excludes --device and --password"), run::toString);
    }

    @Test
    void deviceNeedsItsPassword() {
        CliRun run = CliRun.of("sos", "--device", "btn-1");

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--device needs --password SECRET"), run::toString);
    }

    @Test
    void badCredentialsFileIsAUsageErrorNamingTheLine() {
        CliRun run = CliRun.of("sos", "--devices", Fixtures.path("credentials/duplicate.csv").toString());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("duplicate.csv:3: device 'btn-1' is listed twice"), run::toString);
    }

    @Test
    void invalidOptionValuesAreUsageErrors() {
        String[][] cases = {
                {"--rate", "2/day"},
                {"--duration", "ten minutes"},
                {"--type", "bed_exit"},
                {"--count", "0"},
                {"--location", "95,0"},
                {"--publish-as", "a/b"},
        };
        for (String[] option : cases) {
            CliRun run = CliRun.of("sos", "--device", "btn-1", "--password", "x", option[0], option[1]);
            assertEquals(2, run.exitCode(), () -> String.join(" ", option) + ": " + run);
        }
    }

    @Test
    void unreachableBrokerFailsEveryMessageAndExitsNonZero() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.of("sos", "--broker", "tcp://127.0.0.1:" + closedPort, "--timeout", "3s",
                "--device", "btn-1", "--password", "x", "--count", "2", "--rate", "100/s");

        assertEquals(1, run.exitCode(), run::toString);
        assertEquals(2, run.messageLines().size(), run::toString);
        assertTrue(run.messageLines().get(0).contains("btn-1 sos_press seq="), run::toString);
        assertTrue(run.messageLines().get(0).contains("failed: connect:"), run::toString);
        assertTrue(run.out().contains("summary: sent 2 (sos_press=2), acknowledged 0, refused 0, failed 2"),
                run::toString);
    }
}
