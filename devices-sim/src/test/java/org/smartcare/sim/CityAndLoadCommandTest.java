package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** city and load without a broker: help and usage errors. */
class CityAndLoadCommandTest {

    @Test
    void cityHelpShowsEveryOption() {
        CliRun run = CliRun.of("city", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String option : new String[] {"--devices", "--beds", "--buttons", "--cameras", "--speed", "--start",
                "--duration", "--seed", "--sos-per-hour-per-1000", "--fall-per-hour-per-1000", "--event-scale",
                "--malformed-rate", "--duplicate-rate", "--out-of-order-rate", "--disconnect-rate", "--broker",
                "--max-connections", "--connect-concurrency", "--inflight", "--shared-connection", "--connections",
                "--as", "--password", "--summary-json", "--quiet", "Examples:"}) {
            assertTrue(run.out().contains(option), () -> option + " missing from help:\n" + run.out());
        }
    }

    @Test
    void loadHelpShowsEveryOption() {
        CliRun run = CliRun.of("load", "--help");

        assertEquals(0, run.exitCode(), run::toString);
        for (String option : new String[] {"--as", "--password", "--kind", "--samples", "--event-type", "--messages",
                "--duration", "--devices", "--device-prefix", "--seq-start", "--connections", "--inflight",
                "--broker", "--summary-json", "Examples:"}) {
            assertTrue(run.out().contains(option), () -> option + " missing from help:\n" + run.out());
        }
    }

    @Test
    void cityNeedsTheTypeColumn() {
        CliRun run = CliRun.of("city", "--devices", Fixtures.path("credentials/valid.csv").toString());

        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("has no type: city needs lines 'deviceId,secret,type'"), run::toString);
    }

    @Test
    void sosStillAcceptsATypedFile() {
        CliRun run = CliRun.of("sos", "--devices", Fixtures.path("credentials/typed.csv").toString(), "--help");

        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void cityUsageErrors(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("city.csv");
        Files.writeString(csv, "bed-1,s,BED_SENSOR\nbtn-1,s,SOS_BUTTON\n");
        String[][] cases = {
                {"--beds", "2"},
                {"--speed", "0"},
                {"--start", "yesterday"},
                {"--malformed-rate", "1.5"},
                {"--shared-connection"},
                {"--shared-connection", "--as", "bench", "--password", "p", "--disconnect-rate", "0.1"},
                {"--as", "bench"},
                {"--max-connections", "1"},
        };
        for (String[] options : cases) {
            String[] args = new String[options.length + 3];
            args[0] = "city";
            args[1] = "--devices";
            args[2] = csv.toString();
            System.arraycopy(options, 0, args, 3, options.length);
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", options) + ": " + run);
        }
    }

    @Test
    void loadUsageErrors() {
        String[][] cases = {
                {"--kind", "toaster"},
                {"--samples", "0"},
                {"--samples", "121"},
                {"--messages", "0"},
                {"--devices", "0"},
                {"--device-prefix", "a/b-"},
                {"--event-type", "party"},
        };
        for (String[] options : cases) {
            String[] args = new String[options.length + 5];
            args[0] = "load";
            args[1] = "--as";
            args[2] = "bench";
            args[3] = "--password";
            args[4] = "p";
            System.arraycopy(options, 0, args, 5, options.length);
            CliRun run = CliRun.of(args);
            assertEquals(2, run.exitCode(), () -> String.join(" ", options) + ": " + run);
        }
    }

    @Test
    void startTimesParseInShanghaiTime() {
        java.time.Instant now = java.time.Instant.parse("2026-11-22T04:00:00Z");
        assertEquals(java.time.Instant.parse("2026-11-22T13:30:00Z"), SimStart.parse("21:30", now));
        assertEquals(java.time.Instant.parse("2026-11-21T14:00:00Z"), SimStart.parse("2026-11-21T22:00", now));
        assertEquals(java.time.Instant.parse("2026-11-21T22:00:00Z"), SimStart.parse("2026-11-21T22:00:00Z", now));
        assertEquals(now, SimStart.parse("now", now));
    }
}
