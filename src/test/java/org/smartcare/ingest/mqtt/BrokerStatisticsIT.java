package org.smartcare.ingest.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.smartcare.device.mqtt.MqttSettings;

/**
 * The broker's own counts reach the service: through the service account's ACLs on the project's broker, and a
 * dropped message on a broker whose session queues hold five (the project's holds 4,000,000, too many to fill in a
 * test).
 */
@MicronautTest(environments = "test", transactional = false)
class BrokerStatisticsIT {

    @Inject BrokerStatistics statistics;
    @Inject MeterRegistry registry;

    @Test
    void theServiceAccountReadsTheBrokersCounts() {
        // -1 until the broker granted the subscription (a role without the $SYS ACLs stays there).
        await().atMost(Duration.ofSeconds(30)).until(() -> statistics.dropped() >= 0);
        assertEquals((double) statistics.dropped(), registry.get("smartcare.broker.dropped.messages").gauge().value());
        assertEquals(true, statistics.isConnected());
    }

    @Test
    void messagesTheBrokerDropsAreCounted() throws Exception {
        int port = freePort();
        Path dir = Files.createTempDirectory("smartcare-broker-statistics");
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, """
                listener %d 127.0.0.1
                allow_anonymous true
                persistence false
                max_queued_messages 5
                sys_interval 1
                """.formatted(port));
        Process broker = new ProcessBuilder(mosquitto(), "-c", conf.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        String url = "tcp://127.0.0.1:" + port;
        BrokerStatistics counts = new BrokerStatistics(
                new MqttSettings(url, "statistics-it", "", "statistics-it", 0, 100, "statistics-it"),
                new SimpleMeterRegistry(), Duration.ofMillis(500));
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> listening(port));
            counts.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> counts.dropped() == 0);

            // A persistent session that is away: the broker queues five of its messages and drops the rest.
            MqttClient away = new MqttClient(url, "statistics-it-away", new MemoryPersistence());
            MqttConnectionOptions session = new MqttConnectionOptions();
            session.setCleanStart(false);
            session.setSessionExpiryInterval(600L);
            away.connect(session);
            away.subscribe("it/#", 1);
            away.disconnect();
            away.close();
            MqttClient publisher = new MqttClient(url, "statistics-it-publisher", new MemoryPersistence());
            publisher.connect();
            for (int i = 0; i < 20; i++) {
                publisher.publish("it/x", Integer.toString(i).getBytes(StandardCharsets.UTF_8), 1, false);
            }
            publisher.disconnect();
            publisher.close();

            await().atMost(Duration.ofSeconds(10)).until(() -> counts.dropped() == 15);
        } finally {
            counts.close();
            broker.destroy();
            broker.waitFor();
        }
    }

    private static String mosquitto() {
        for (String candidate : new String[] {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto"}) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "mosquitto";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
