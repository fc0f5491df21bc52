package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devices-sim sos} against the project's Mosquitto (start it with {@code deploy/services up},
 * then {@code source deploy/lib/env.sh}): temporary devices are provisioned through the
 * dynamic-security control API and removed afterwards.
 */
class SosCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long ARRIVAL_MS = 10_000;
    private static final long SILENCE_MS = 1_000;

    private static BrokerEnv broker;
    private static DynamicSecurity dynsec;
    private static PayloadSchemas schemas;

    private final List<String> createdDevices = new ArrayList<>();

    @BeforeAll
    static void connect() throws Exception {
        broker = BrokerEnv.fromEnvironment();
        dynsec = DynamicSecurity.connect(broker);
        schemas = PayloadSchemas.fromRepository();
    }

    @AfterAll
    static void disconnect() throws Exception {
        if (dynsec != null) {
            dynsec.close();
        }
    }

    @AfterEach
    void deleteTemporaryDevices() throws Exception {
        for (String id : createdDevices) {
            dynsec.deleteDevice(id);
        }
    }

    @Test
    void pressReachesTheServiceAsASchemaValidEvent() throws Exception {
        Device button = newDevice();
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, EventPayloads.eventTopic(button.id()))) {

            CliRun run = CliRun.of("sos", "--broker", broker.url(), "--device", button.id(), "--password", button.secret(),
                    "--type", "fall_detected", "--location", "38.0428,114.5149,15");

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(1, run.messageLines().size(), run::toString);
            assertTrue(run.messageLines().get(0).endsWith(" acknowledged")
                    || run.messageLines().get(0).contains(" acknowledged ("), run::toString);
            assertTrue(run.out().contains("summary: sent 1 (fall_detected=1), acknowledged 1, refused 0, failed 0"),
                    run::toString);

            ServiceSubscriber.Received message = service.next(ARRIVAL_MS);
            assertNotNull(message, "the service account received nothing");
            assertEquals(EventPayloads.eventTopic(button.id()), message.topic());
            assertEquals(List.of(), schemas.eventErrors(message.payload()), message.text());
            JsonNode event = JSON.readTree(message.payload());
            assertEquals("fall_detected", event.path("type").asText());
            assertEquals(CliRun.seqOf(run.messageLines().get(0)), event.path("seq").asLong());
            assertEquals(38.0428, event.path("location").path("lat").asDouble());
        }
    }

    @Test
    void publishingUnderAnotherDevicesIdIsRefusedAndNeverDelivered() throws Exception {
        Device intruder = newDevice();
        Device victim = newDevice();
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, EventPayloads.eventTopic(victim.id()))) {

            CliRun spoof = CliRun.of("sos", "--broker", broker.url(), "--device", intruder.id(),
                    "--password", intruder.secret(), "--publish-as", victim.id());

            assertEquals(1, spoof.exitCode(), spoof::toString);
            assertTrue(spoof.messageLines().get(0).contains(intruder.id() + " as " + victim.id()), spoof::toString);
            assertTrue(spoof.messageLines().get(0).endsWith("refused 0x87 not authorized"), spoof::toString);
            assertTrue(spoof.out().contains("acknowledged 0, refused 1, failed 0"), spoof::toString);

            // The victim's own press, sent after the refused one was answered, must be the first thing the
            // service sees: a delivered spoof would have arrived before it.
            CliRun own = CliRun.of("sos", "--broker", broker.url(), "--device", victim.id(), "--password", victim.secret());
            assertEquals(0, own.exitCode(), own::toString);

            ServiceSubscriber.Received first = service.next(ARRIVAL_MS);
            assertNotNull(first, "the victim's own event did not arrive");
            assertEquals(CliRun.seqOf(own.messageLines().get(0)), JSON.readTree(first.payload()).path("seq").asLong(),
                    () -> "the spoofed event was delivered: " + first.text());
            assertNull(service.next(SILENCE_MS), "nothing else may arrive");
        }
    }

    @Test
    void ratedRunOverADevicesFileDeliversEveryPressWithIncreasingSeqs(@TempDir Path dir) throws Exception {
        Device a = newDevice();
        Device b = newDevice();
        Path csv = dir.resolve("devices.csv");
        Files.writeString(csv, "# temporary devices\ndeviceId,secret\n" + a.id() + "," + a.secret() + "\n"
                + b.id() + "," + b.secret() + "\n");
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, "smartcare/v1/devices/+/event")) {

            CliRun run = CliRun.of("sos", "--broker", broker.url(), "--devices", csv.toString(),
                    "--rate", "20/s", "--count", "6", "--seed", "7", "--type", "sos_cancel");

            assertEquals(0, run.exitCode(), run::toString);
            assertEquals(6, run.messageLines().size(), run::toString);
            assertTrue(run.out().contains("summary: sent 6 (sos_cancel=6), acknowledged 6, refused 0, failed 0"),
                    run::toString);

            Map<String, Long> lastSeq = new HashMap<>();
            int mine = 0;
            while (mine < 6) {
                ServiceSubscriber.Received message = service.next(ARRIVAL_MS);
                assertNotNull(message, "only " + mine + " of 6 events arrived");
                String device = message.topic().split("/")[3];
                if (!device.equals(a.id()) && !device.equals(b.id())) {
                    continue; // someone else's device on the shared broker
                }
                mine++;
                assertEquals(List.of(), schemas.eventErrors(message.payload()), message.text());
                long seq = JSON.readTree(message.payload()).path("seq").asLong();
                Long previous = lastSeq.put(device, seq);
                if (previous != null) {
                    assertEquals(previous + 1, seq, "seq of " + device + " must grow by one per message");
                }
            }
        }
    }

    private Device newDevice() throws Exception {
        String id = "sim-it-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        String secret = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        createdDevices.add(id);
        dynsec.createDevice(id, secret);
        return new Device(id, secret);
    }

    private record Device(String id, String secret) {
    }
}
