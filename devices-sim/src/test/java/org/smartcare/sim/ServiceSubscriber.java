package org.smartcare.sim;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/** Listens with the service account, as the ingest service does, and queues what arrives. */
final class ServiceSubscriber implements AutoCloseable {

    /** One delivered message; {@code contentType} as the publisher set it, or null; when it arrived (epoch ms). */
    record Received(String topic, byte[] payload, String contentType, long receivedAtMs) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static final long TIMEOUT_MS = 10_000;

    private final MqttAsyncClient client;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

    private ServiceSubscriber(MqttAsyncClient client) {
        this.client = client;
    }

    static ServiceSubscriber subscribe(BrokerEnv env, String topicFilter) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(env.url(), "devices-sim-it-sub-" + UUID.randomUUID(),
                new MemoryPersistence());
        ServiceSubscriber subscriber = new ServiceSubscriber(client);
        client.setCallback(subscriber.new Collector());
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(env.serviceUser());
        options.setPassword(env.servicePassword().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        client.connect(options).waitForCompletion(TIMEOUT_MS);
        IMqttToken sub = client.subscribe(new MqttSubscription(topicFilter, 1));
        sub.waitForCompletion(TIMEOUT_MS);
        int granted = sub.getReasonCodes()[0];
        if (granted >= 0x80) {
            subscriber.close();
            throw new IllegalStateException(env.serviceUser() + " may not subscribe to " + topicFilter + ": "
                    + ReasonCodes.describe(granted));
        }
        return subscriber;
    }

    /**
     * Everything that arrives until nothing more came for {@code quietMs}, or {@code maxMs} passed, and
     * {@code filter} accepts it.
     */
    java.util.List<Received> drain(java.util.function.Predicate<Received> filter, long quietMs, long maxMs)
            throws InterruptedException {
        java.util.List<Received> all = new java.util.ArrayList<>();
        long deadline = System.currentTimeMillis() + maxMs;
        while (System.currentTimeMillis() < deadline) {
            Received r = received.poll(quietMs, TimeUnit.MILLISECONDS);
            if (r == null) {
                break;
            }
            if (filter.test(r)) {
                all.add(r);
            }
        }
        return all;
    }

    /** The next message, or {@code null} when none arrives within {@code timeoutMs}. */
    Received next(long timeoutMs) throws InterruptedException {
        return received.poll(timeoutMs, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(TIMEOUT_MS);
            }
        } finally {
            client.close();
        }
    }

    private final class Collector implements MqttCallback {
        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(new Received(topic, message.getPayload(),
                    message.getProperties() == null ? null : message.getProperties().getContentType(),
                    System.currentTimeMillis()));
        }

        @Override
        public void disconnected(MqttDisconnectResponse response) {
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void deliveryComplete(IMqttToken token) {
        }

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {
        }
    }
}
