package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The abnormal-order detector (异常工单自动识别) against devices-sim's ground truth, end to end: the packaged
 * service runs on the project's database and broker, {@code rounds-world} creates a tenant with caregivers and
 * their phones, and {@code devices-sim rounds} runs rounds with every anomaly kind injected, publishing phone
 * fixes over MQTT and checking in and out through GraphQL. Recall and precision must both reach 95%.
 */
class RoundsCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double BAR = 0.95;

    @Test
    void theDetectorFindsTheInjectedAnomaliesWithRecallAndPrecisionOfAtLeast95Percent(@TempDir Path dir) throws Exception {
        try (ServiceUnderTest service = ServiceUnderTest.start(dir, Map.of(
                // One operator token drives every caregiver's steps.
                "SMARTCARE_GRAPHQL_LIMITS_REQUESTS_PER_SECOND", "500", "SMARTCARE_GRAPHQL_LIMITS_BURST", "1000"))) {
            Path world = dir.resolve("world.json");
            String tenant = lastLine(service.runTool("rounds-world", "--elders", "24", "--caregivers", "8", "--out",
                    world.toString()));
            String token = lastLine(service.runTool("token", "--role", "OPERATOR", "--tenant", tenant, "--ttl", "PT1H"));
            Path truth = dir.resolve("truth.json");

            CliRun run = CliRun.of("rounds", "--world", world.toString(), "--api", service.graphql().toString(),
                    "--token", token, "--broker", BrokerEnv.fromEnvironment().url(), "--orders", "8", "--rate", "0.12",
                    "--seed", "20261122", "--truth", truth.toString(), "--ingest-wait", "2s");

            assertEquals(0, run.exitCode(), () -> run + "\n--- service log\n" + tail(service));
            JsonNode score = JSON.readTree(truth.toFile()).get("score");
            // 8 caregivers x 8 planned visits, plus the extra orders that overlapping-order injections add.
            assertTrue(JSON.readTree(truth.toFile()).get("orders").asInt() >= 64, run::toString);
            score.get("byKind").fields().forEachRemaining(kind -> assertTrue(kind.getValue().get("injected").asInt() > 0,
                    () -> "the seed must inject every kind at least once: " + kind.getKey() + " in " + score));
            assertTrue(score.get("recall").asDouble() >= BAR, () -> "recall below 95%: " + score);
            assertTrue(score.get("precision").asDouble() >= BAR, () -> "precision below 95%: " + score);
            System.out.printf("rounds IT: %d injected, %d detected, recall %.4f, precision %.4f%n",
                    score.get("injected").asInt(), score.get("detected").asInt(), score.get("recall").asDouble(),
                    score.get("precision").asDouble());
        }
    }

    /** The tools print their result last, after any start-up logging. */
    private static String lastLine(String output) {
        String[] lines = output.split("\\R");
        return lines[lines.length - 1].strip();
    }

    private static String tail(ServiceUnderTest service) {
        try {
            return service.logTail();
        } catch (java.io.IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
