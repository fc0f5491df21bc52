package org.smartcare.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;

/**
 * SOS press -> alertRaised latency, as an operator console sees it: one graphql-transport-ws subscriber to
 * {@code alertRaised}, and COUNT presses, each from its own button (a second press of a button with an open
 * alert would fold into it and raise nothing), paced at RATE per second, QoS 1, as the bench account. The
 * latency of a press is from just before its publish to the arrival of its alert on the subscription, both
 * read from this one JVM's monotonic clock.
 *
 * <pre>
 * SosLatency MQTT_URL USER PASS WS_URL TOKEN DEVICE_PREFIX COUNT RATE_PER_S OUT_JSON [WARMUP] [HEARTBEAT_LEAD_S]
 * </pre>
 * As a real button heartbeats every 5 minutes, each button sends one heartbeat before its press, a random 1 s to
 * HEARTBEAT_LEAD_S (default 300) before it, or at the probe's start when that would be earlier; the service thus
 * knows the button, as it would in a city. HEARTBEAT_LEAD_S 0 sends none: every press is from a device the service
 * has not heard from (the worst case, a button's first message after a restart of the service).
 * Next to OUT_JSON it writes OUT_JSON.samples.tsv: device, wall-clock press time (epoch ms) and latency (ms) of
 * every counted press, so that slow presses can be set beside a GC log or the alert's own timestamps.
 * Buttons are DEVICE_PREFIX000001..(WARMUP + COUNT); they must be registered. The first WARMUP presses
 * (default 100) run the path through the JIT and the connection pools and are not counted. Prints one summary line; exit status 1
 * when a press raised no alert within 30 s.
 */
public final class SosLatency {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUBSCRIPTION = "subscription { alertRaised { id kind device { deviceId } } }";

    public static void main(String[] a) throws Exception {
        String mqttUrl = a[0], user = a[1], pass = a[2], wsUrl = a[3], token = a[4], prefix = a[5];
        int count = Integer.parseInt(a[6]);
        double rate = Double.parseDouble(a[7]);
        Path out = Path.of(a[8]);
        int warmup = a.length > 9 ? Integer.parseInt(a[9]) : 100;
        int heartbeatLeadSeconds = a.length > 10 ? Integer.parseInt(a[10]) : 300;

        Map<String, Long> pressedAt = new ConcurrentHashMap<>();
        Map<String, Long> pressedAtEpochMillis = new ConcurrentHashMap<>();
        Map<String, Long> latencyNanos = new ConcurrentHashMap<>();
        CountDownLatch acked = new CountDownLatch(1);
        CountDownLatch all = new CountDownLatch(warmup + count);
        WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(wsUrl), new Listener(acked, all, pressedAt, latencyNanos)).get(10, TimeUnit.SECONDS);
        ws.sendText(JSON.writeValueAsString(Map.of("type", "connection_init",
                "payload", Map.of("Authorization", "Bearer " + token))), true).get();
        if (!acked.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no connection_ack from " + wsUrl);
        }
        ws.sendText(JSON.writeValueAsString(Map.of("id", "sos", "type", "subscribe",
                "payload", Map.of("query", SUBSCRIPTION))), true).get();
        Thread.sleep(1000); // the subscription is registered before the first press

        MqttAsyncClient mqtt = new MqttAsyncClient(mqttUrl, "bench-sos-" + ProcessHandle.current().pid(),
                new MemoryPersistence());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(user);
        options.setPassword(pass.getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        mqtt.connect(options).waitForCompletion(10_000);

        long seq = System.currentTimeMillis();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        if (heartbeatLeadSeconds > 0) {
            scheduleHeartbeats(heartbeats, mqtt, prefix, warmup + count, intervalNanos, heartbeatLeadSeconds, seq - 1);
        }
        for (int i = 1; i <= warmup + count; i++) {
            long due = start + (i - 1) * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String device = prefix + String.format("%06d", i);
            byte[] payload = EventPayloads.event(EventType.SOS_PRESS, seq, OffsetDateTime.now(DeviceModel.LOCAL_ZONE),
                    (Location) null);
            MqttMessage message = new MqttMessage(payload);
            message.setQos(1);
            pressedAtEpochMillis.put(device, System.currentTimeMillis());
            pressedAt.put(device, System.nanoTime());
            mqtt.publish(EventPayloads.eventTopic(device), message);
        }
        boolean complete = all.await(30, TimeUnit.SECONDS);
        heartbeats.shutdownNow();
        mqtt.disconnect().waitForCompletion(5_000);
        mqtt.close();
        ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");

        double[] ms = latencyNanos.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getKey().substring(prefix.length())) > warmup)
                .mapToDouble(e -> e.getValue() / 1e6).sorted().toArray();
        String summary = String.format(java.util.Locale.ROOT,
                "{\"warmup\":%d,\"presses\":%d,\"alerts\":%d,\"missed\":%d,\"rate_per_s\":%.2f,\"p50_ms\":%.1f,\"p90_ms\":%.1f,"
                        + "\"p99_ms\":%.1f,\"max_ms\":%.1f}",
                warmup, count, ms.length, count - ms.length, rate, quantile(ms, 0.5), quantile(ms, 0.9), quantile(ms, 0.99),
                ms.length == 0 ? Double.NaN : ms[ms.length - 1]);
        Files.writeString(out, summary + "\n");
        Files.write(Path.of(out + ".samples.tsv"), latencyNanos.entrySet().stream()
                .filter(e -> Integer.parseInt(e.getKey().substring(prefix.length())) > warmup)
                .sorted(Map.Entry.comparingByKey())
                .map(e -> String.format(java.util.Locale.ROOT, "%s\t%d\t%.2f", e.getKey(),
                        pressedAtEpochMillis.get(e.getKey()), e.getValue() / 1e6))
                .toList());
        System.out.println(summary);
        System.exit(complete ? 0 : 1);
    }

    /** Button i's heartbeat goes out a random 1 s to LEAD before its press is due (at the start, when earlier). */
    private static void scheduleHeartbeats(ScheduledExecutorService heartbeats, MqttAsyncClient mqtt, String prefix,
                                           int buttons, long intervalNanos, int leadSeconds, long seq) {
        Random random = new Random(42);
        for (int i = 1; i <= buttons; i++) {
            String device = prefix + String.format("%06d", i);
            long lead = TimeUnit.SECONDS.toNanos(1) + (long) (random.nextDouble() * TimeUnit.SECONDS.toNanos(leadSeconds - 1));
            long at = Math.max(0, (i - 1) * intervalNanos - lead);
            heartbeats.schedule(() -> {
                MqttMessage message = new MqttMessage(TelemetryPayloads.button(seq,
                        OffsetDateTime.now(DeviceModel.LOCAL_ZONE), 87, -71, null));
                message.setQos(1);
                try {
                    mqtt.publish(Topics.of(device, Topics.TELEMETRY), message);
                } catch (MqttException e) {
                    System.err.println("heartbeat of " + device + " not sent: " + e);
                }
            }, at, TimeUnit.NANOSECONDS);
        }
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Collects the alertRaised messages; text frames may arrive in parts. */
    private record Listener(CountDownLatch acked, CountDownLatch all, Map<String, Long> pressedAt,
                            Map<String, Long> latencyNanos, List<CharSequence> parts) implements WebSocket.Listener {

        Listener(CountDownLatch acked, CountDownLatch all, Map<String, Long> pressedAt, Map<String, Long> latencyNanos) {
            this(acked, all, pressedAt, latencyNanos, new ArrayList<>());
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long arrived = System.nanoTime();
            parts.add(data);
            if (last) {
                String text = String.join("", parts);
                parts.clear();
                handle(text, arrived);
            }
            ws.request(1);
            return CompletableFuture.completedFuture(null);
        }

        private void handle(String text, long arrived) {
            try {
                JsonNode message = JSON.readTree(text);
                switch (message.path("type").asText()) {
                    case "connection_ack" -> acked.countDown();
                    case "next" -> {
                        JsonNode alert = message.at("/payload/data/alertRaised");
                        String device = alert.at("/device/deviceId").asText();
                        // Only the press's own alert: a probe button may also raise another kind (e.g. offline).
                        Long pressed = "SOS".equals(alert.path("kind").asText()) ? pressedAt.get(device) : null;
                        if (pressed != null && latencyNanos.putIfAbsent(device, arrived - pressed) == null) {
                            all.countDown();
                        }
                    }
                    case "error", "complete" -> System.err.println("subscription ended: " + text);
                    default -> { }
                }
            } catch (Exception e) {
                System.err.println("unreadable message: " + text + " (" + e + ")");
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            if (status != WebSocket.NORMAL_CLOSURE) {
                System.err.println("websocket closed " + status + " " + reason);
            }
            return null;
        }
    }
}
