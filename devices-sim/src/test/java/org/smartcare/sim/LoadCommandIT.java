package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devices-sim load} with a temporary privileged account: every message of the known set arrives. */
class LoadCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BrokerEnv broker;
    private static DynamicSecurity dynsec;
    private static PayloadSchemas schemas;
    private static String account;
    private static String password;

    @BeforeAll
    static void connect() throws Exception {
        broker = BrokerEnv.fromEnvironment();
        dynsec = DynamicSecurity.connect(broker);
        schemas = PayloadSchemas.fromRepository();
        DynamicSecurity.Account publisher = dynsec.createPublisher("sim-it-bench-");
        account = publisher.username();
        password = publisher.password();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (dynsec != null) {
            dynsec.deletePublisher(account);
            dynsec.close();
        }
    }

    @Test
    void everyMessageOfTheNumberedSetArrivesOnceAndIsSchemaValid(@TempDir Path dir) throws Exception {
        String prefix = "sim-it-load-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "-";
        int devices = 40;
        int messages = 4_000;
        long seqStart = 1_000;
        Path summaryFile = dir.resolve("load.json");
        long testStarted = System.currentTimeMillis();

        List<ServiceSubscriber.Received> mine;
        CliRun run;
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, "smartcare/v1/devices/+/telemetry")) {
            run = CliRun.of("load", "--broker", broker.url(), "--as", account, "--password", password,
                    "--connections", "2", "--inflight", "200", "--kind", "bed", "--samples", "10",
                    "--messages", String.valueOf(messages), "--devices", String.valueOf(devices),
                    "--seq-start", String.valueOf(seqStart), "--device-prefix", prefix,
                    "--summary-json", summaryFile.toString(), "--quiet");
            mine = service.drain(r -> r.topic().split("/")[3].startsWith(prefix), 3_000, 60_000);
        }
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode summary = JSON.readTree(summaryFile.toFile());
        assertEquals(messages, summary.path("messages").asLong());
        assertEquals(messages, summary.path("acknowledged").asLong());
        assertEquals(messages * 10L, summary.path("sent").path("bed_samples").asLong());
        assertTrue(summary.path("rate_per_s").asLong() > 0);
        long started = summary.path("started_ms").asLong();
        assertTrue(started >= testStarted && started <= System.currentTimeMillis(), "first publish at " + started);

        Set<String> expected = new HashSet<>();
        for (int n = 0; n < messages; n++) {
            expected.add(prefix + String.format("%06d", n % devices + 1) + "#" + (seqStart + n / devices));
        }
        Set<String> received = new HashSet<>();
        for (ServiceSubscriber.Received r : mine) {
            JsonNode payload = JSON.readTree(r.payload());
            assertTrue(received.add(r.topic().split("/")[3] + "#" + payload.path("seq").asLong()), "once: " + r.topic());
            assertEquals(10, payload.path("samples").size());
            if (received.size() % 97 == 0) {
                assertEquals(List.of(), schemas.errors("bed-telemetry.v1.schema.json", r.payload()), r.text());
            }
        }
        assertEquals(expected, received);
    }
}
