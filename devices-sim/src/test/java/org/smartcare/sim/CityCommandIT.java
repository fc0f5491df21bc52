package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code devices-sim city} against the project's Mosquitto with temporary devices: what the service
 * account receives must match the summary JSON, faults and Last Wills included.
 */
class CityCommandIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static BrokerEnv broker;
    private static DynamicSecurity dynsec;
    private static PayloadSchemas schemas;

    private final List<String> createdDevices = new ArrayList<>();
    private final Map<String, String> secrets = new HashMap<>();

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
            clearRetainedStatus(id);
            dynsec.deleteDevice(id);
        }
    }

    /** The run leaves a retained status per device, as real devices do: remove it, logged in as the device. */
    private void clearRetainedStatus(String id) {
        clearRetained(id, id, secrets.get(id), Set.of(id));
    }

    /** Publishes an empty retained status for each device, logged in as {@code user}. */
    private void clearRetained(String clientId, String user, String password, Set<String> deviceIds) {
        try {
            org.eclipse.paho.mqttv5.client.MqttClient client = new org.eclipse.paho.mqttv5.client.MqttClient(broker.url(),
                    clientId, new org.eclipse.paho.mqttv5.client.persist.MemoryPersistence());
            org.eclipse.paho.mqttv5.client.MqttConnectionOptions options = new org.eclipse.paho.mqttv5.client.MqttConnectionOptions();
            options.setUserName(user);
            options.setPassword(password.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            client.connect(options);
            for (String id : deviceIds) {
                client.publish(Topics.of(id, Topics.STATUS), new byte[0], 1, true);
            }
            client.disconnect();
            client.close();
        } catch (Exception e) {
            System.err.println("could not clear the retained status of " + deviceIds + ": " + e);
        }
    }

    @Test
    void whatArrivesMatchesTheSummaryIncludingFaultsAndLastWills(@TempDir Path dir) throws Exception {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        Map<String, DeviceType> types = new HashMap<>();
        StringBuilder csv = new StringBuilder("deviceId,secret,type\n");
        for (DeviceType type : List.of(DeviceType.BED_SENSOR, DeviceType.BED_SENSOR, DeviceType.SOS_BUTTON,
                DeviceType.SOS_BUTTON, DeviceType.NURSERY_CAMERA)) {
            String id = "sim-it-city-" + run + "-" + types.size();
            String secret = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
            createdDevices.add(id);
            secrets.put(id, secret);
            dynsec.createDevice(id, secret);
            types.put(id, type);
            csv.append(id).append(',').append(secret).append(',').append(type).append('\n');
        }
        Path devices = dir.resolve("city.csv");
        Files.writeString(devices, csv);
        Path summaryFile = dir.resolve("summary.json");
        String noon = LocalDate.now(DeviceModel.LOCAL_ZONE) + "T12:00"; // cameras open

        List<ServiceSubscriber.Received> mine;
        CliRun run1;
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, "smartcare/v1/devices/+/+")) {
            run1 = CliRun.of("city", "--broker", broker.url(), "--devices", devices.toString(), "--start", noon,
                    "--speed", "60", "--duration", "8s", "--seed", "7", "--event-scale", "300",
                    "--malformed-rate", "0.05", "--duplicate-rate", "0.05", "--out-of-order-rate", "0.05",
                    "--disconnect-rate", "0.05", "--summary-json", summaryFile.toString(), "--quiet");
            mine = service.drain(r -> types.containsKey(r.topic().split("/")[3]), 3_000, 30_000);
        }
        assertEquals(0, run1.exitCode(), run1::toString);
        JsonNode summary = JSON.readTree(summaryFile.toFile());

        Map<String, Long> counted = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Map<String, Long> lastOnlineSeq = new HashMap<>();
        for (ServiceSubscriber.Received r : mine) {
            String[] topic = r.topic().split("/");
            String device = topic[3];
            String channel = topic[4];
            if (!seen.add(r.topic() + "\n" + r.text())) {
                counted.merge("duplicate", 1L, Long::sum);
                continue;
            }
            JsonNode payload;
            try {
                payload = JSON.readTree(r.payload());
            } catch (IOException e) {
                counted.merge("malformed", 1L, Long::sum);
                continue;
            }
            String key = switch (channel) {
                case "status" -> "will".equals(payload.path("reason").asText()) ? "will" : "status";
                case "event" -> "event:" + payload.path("type").asText();
                default -> switch (types.get(device)) {
                    case BED_SENSOR -> "bed_telemetry";
                    case SOS_BUTTON -> "button_heartbeat";
                    case NURSERY_CAMERA -> "camera_health";
                };
            };
            String schema = switch (channel) {
                case "status" -> "status.v1.schema.json";
                case "event" -> "event.v1.schema.json";
                default -> switch (types.get(device)) {
                    case BED_SENSOR -> "bed-telemetry.v1.schema.json";
                    case SOS_BUTTON -> "button-telemetry.v1.schema.json";
                    case NURSERY_CAMERA -> "camera-telemetry.v1.schema.json";
                };
            };
            assertEquals(List.of(), schemas.errors(schema, r.payload()), r.text());
            counted.merge(key, 1L, Long::sum);
            if (key.equals("bed_telemetry")) {
                counted.merge("bed_samples", (long) payload.path("samples").size(), Long::sum);
            }
            if (key.equals("will")) {
                assertEquals(Set.of("v", "seq", "ts", "online", "reason"), fieldNames(payload), r.text());
                Long online = lastOnlineSeq.get(device);
                assertTrue(online != null && payload.path("seq").asLong() == online - 1,
                        "the will carries the seq of its connect, one below that connect's online status: " + r.text());
            }
            if (key.equals("status") && payload.path("online").asBoolean()) {
                lastOnlineSeq.put(device, payload.path("seq").asLong());
            }
        }

        JsonNode sent = summary.path("sent");
        String report = "summary " + summary + "\nreceived " + counted;
        assertEquals(sent.path("bed_telemetry").asLong(), counted.getOrDefault("bed_telemetry", 0L), report);
        assertEquals(sent.path("bed_samples").asLong(), counted.getOrDefault("bed_samples", 0L), report);
        assertEquals(sent.path("button_heartbeat").asLong(), counted.getOrDefault("button_heartbeat", 0L), report);
        assertEquals(sent.path("camera_health").asLong(), counted.getOrDefault("camera_health", 0L), report);
        assertEquals(sent.path("status").asLong(), counted.getOrDefault("status", 0L), report);
        for (EventType type : EventType.values()) {
            assertEquals(sent.path("events").path(type.wireName()).asLong(), counted.getOrDefault("event:" + type.wireName(), 0L),
                    type + "\n" + report);
        }
        JsonNode faults = summary.path("faults");
        assertEquals(faults.path("malformed").asLong(), counted.getOrDefault("malformed", 0L), report);
        assertEquals(faults.path("duplicate").asLong(), counted.getOrDefault("duplicate", 0L), report);
        assertTrue(faults.path("disconnect").asLong() >= 1, "the run should have injected a disconnect: " + report);
        assertEquals(faults.path("disconnect").asLong(), counted.getOrDefault("will", 0L), "one Last Will per drop\n" + report);
        assertTrue(faults.path("malformed").asLong() > 0 && faults.path("duplicate").asLong() > 0
                && faults.path("out_of_order").asLong() > 0, report);
        assertEquals(summary.path("published").asLong(), summary.path("acknowledged").asLong(), report);
        assertEquals(0, summary.path("failed").asLong(), report);
        assertEquals(0, summary.path("refused").asLong(), report);
        assertTrue(sent.path("bed_telemetry").asLong() > 50, report);
        assertTrue(run1.out().contains("summary: sent "), run1::toString);
    }

    /**
     * The load tests' way: every device through two privileged shared connections (BatchingLink), started now.
     * What arrives matches the summary, and the bed readings carry the wall clock's time, not the time before the
     * devices were built.
     */
    @Test
    void sharedConnectionsCarryEverythingTheSummaryCountsStampedWithTheWallClock(@TempDir Path dir) throws Exception {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        DynamicSecurity.Account account = dynsec.createPublisher("sim-it-city-shared-");
        Map<String, DeviceType> types = new HashMap<>();
        StringBuilder csv = new StringBuilder("deviceId,secret,type\n");
        for (DeviceType type : List.of(DeviceType.BED_SENSOR, DeviceType.BED_SENSOR, DeviceType.BED_SENSOR,
                DeviceType.SOS_BUTTON, DeviceType.NURSERY_CAMERA)) {
            String id = "sim-it-shared-" + run + "-" + types.size();
            types.put(id, type);
            csv.append(id).append(",unused,").append(type).append('\n');
        }
        Path devices = dir.resolve("city.csv");
        Files.writeString(devices, csv);
        Path summaryFile = dir.resolve("summary.json");
        List<ServiceSubscriber.Received> mine;
        List<Double> behindWallClockS = new ArrayList<>();
        CliRun city;
        try (ServiceSubscriber service = ServiceSubscriber.subscribe(broker, "smartcare/v1/devices/+/+")) {
            city = CliRun.of("city", "--broker", broker.url(), "--devices", devices.toString(), "--duration", "12s",
                    "--seed", "11", "--shared-connection", "--connections", "2", "--as", account.username(),
                    "--password", account.password(), "--summary-json", summaryFile.toString(), "--quiet");
            mine = service.drain(r -> types.containsKey(r.topic().split("/")[3]), 3_000, 30_000);
        } finally {
            clearRetained("sim-it-clear-" + run, account.username(), account.password(), types.keySet());
            dynsec.deletePublisher(account.username());
        }
        assertEquals(0, city.exitCode(), city::toString);
        JsonNode summary = JSON.readTree(summaryFile.toFile());
        Map<String, Long> counted = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (ServiceSubscriber.Received r : mine) {
            assertTrue(seen.add(r.topic() + "\n" + r.text()), "once: " + r.text());
            String[] topic = r.topic().split("/");
            counted.merge(topic[4].equals("telemetry") ? types.get(topic[3]).name() : topic[4], 1L, Long::sum);
            assertEquals("application/json", r.contentType(), r.text());
            JsonNode payload = JSON.readTree(r.payload());
            if (types.get(topic[3]) == DeviceType.BED_SENSOR && topic[4].equals("telemetry")) {
                long newest = OffsetDateTime.parse(payload.path("ts").asText()).toInstant().toEpochMilli()
                        + payload.path("samples").get(payload.path("samples").size() - 1).path("dtMs").asLong();
                behindWallClockS.add((r.receivedAtMs() - newest) / 1000.0);
            }
        }
        JsonNode sent = summary.path("sent");
        String report = "summary " + summary + "\nreceived " + counted;
        assertEquals(sent.path("bed_telemetry").asLong(), counted.getOrDefault("BED_SENSOR", 0L), report);
        assertEquals(sent.path("button_heartbeat").asLong(), counted.getOrDefault("SOS_BUTTON", 0L), report);
        assertEquals(sent.path("camera_health").asLong(), counted.getOrDefault("NURSERY_CAMERA", 0L), report);
        assertEquals(sent.path("status").asLong(), counted.getOrDefault("status", 0L), report);
        assertEquals(sent.path("events_total").asLong(), counted.getOrDefault("event", 0L), report);
        assertEquals(summary.path("published").asLong(), summary.path("acknowledged").asLong(), report);
        assertEquals(0, summary.path("failed").asLong(), report);
        assertTrue(sent.path("bed_telemetry").asLong() >= 1, report);
        // Each bed message goes out as its last reading is taken: at arrival its newest reading is moments old, never
        // from the future (the unit test pins the set-up offset itself; this bound leaves room for a busy CI machine).
        assertTrue(!behindWallClockS.isEmpty());
        for (double behind : behindWallClockS) {
            assertTrue(behind > -0.1 && behind < 1.0, "a bed reading arrived " + behind + " s after it was taken");
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
