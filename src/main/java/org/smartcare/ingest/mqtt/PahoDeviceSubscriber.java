package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smartcare.device.mqtt.MqttSettings;
import org.smartcare.ingest.InboundMessage;
import org.smartcare.ingest.IngestBatching;
import org.smartcare.ingest.IngestService;

/**
 * The service's consumer of device messages: one member of the shared subscription, with a persistent
 * session so the broker keeps what arrives while the service is down.
 *
 * <p>Paho's callback thread only enqueues, to one of a few workers chosen by device id (so one device's
 * messages stay in order). A worker takes what has queued up, up to a batch (closed early by a device
 * event, see {@link BatchCollector}), stores it in one transaction and then acknowledges every message of it: a message is acknowledged only after its
 * batch commits. The broker sends at most {@code receiveMaximum} unacknowledged messages, which bounds
 * the queues: when the database is slow or down the workers stop acknowledging and the broker keeps
 * the rest in the session until they resume.
 */
@Singleton
@Requires(property = "smartcare.ingest.enabled", notEquals = "false")
public class PahoDeviceSubscriber implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(PahoDeviceSubscriber.class);
    private static final long WAIT_MS = 10_000;

    private final MqttSettings settings;
    private final IngestService ingest;
    private final IngestBatching batching;
    private final List<BlockingQueue<Delivery>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final ExecutorService control = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("mqtt-ingest-control").factory());
    /** Bumped on every (re)connect: message ids from an older connection must not be acknowledged. */
    private final AtomicLong connection = new AtomicLong();
    private final MqttAsyncClient client;
    private volatile boolean running = true;

    PahoDeviceSubscriber(MqttSettings settings, IngestService ingest, IngestBatching batching) throws MqttException {
        this.settings = settings;
        this.ingest = ingest;
        this.batching = batching;
        for (int i = 0; i < batching.workers(); i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        this.client = new MqttAsyncClient(settings.url(), settings.clientId(), new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
    }

    public String subscriptionFilter() {
        return "$share/" + settings.shareGroup() + "/smartcare/v1/devices/+/+";
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Delivery> queue = queues.get(i);
            workers.add(Thread.ofPlatform().name("mqtt-ingest-worker-" + i).start(() -> work(queue)));
        }
        control.execute(this::connectUntilUp);
    }

    private void connectUntilUp() {
        while (running && !client.isConnected()) {
            try {
                client.connect(options()).waitForCompletion(WAIT_MS);
                // connectComplete() subscribes
            } catch (MqttException e) {
                LOG.warn("cannot reach the broker at {} ({}); retrying in 2 s", settings.url(), e.getMessage());
                sleep(2_000);
            }
        }
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(settings.username());
        options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        // A persistent session needs clean start off AND a non-zero expiry (expiry 0 ends it at disconnect).
        options.setCleanStart(false);
        options.setSessionExpiryInterval(settings.sessionExpirySeconds());
        options.setReceiveMaximum(settings.receiveMaximum());
        options.setAutomaticReconnect(true);
        options.setAutomaticReconnectDelay(1, 10);
        options.setKeepAliveInterval(30);
        options.setConnectionTimeout(10);
        if (settings.url().startsWith("tcp://")) {
            options.setSocketFactory(new BufferedSocketFactory());
        }
        return options;
    }

    private void subscribe() {
        try {
            IMqttToken token = client.subscribe(new MqttSubscription(subscriptionFilter(), 1));
            token.waitForCompletion(WAIT_MS);
            int[] codes = token.getReasonCodes();
            if (codes == null || codes.length == 0 || codes[0] > 2) {
                LOG.error("broker refused subscription {} (reason {}); check the service account's role",
                        subscriptionFilter(), codes == null || codes.length == 0 ? "none" : codes[0]);
                return;
            }
            LOG.info("subscribed to {} as {}", subscriptionFilter(), settings.clientId());
        } catch (MqttException e) {
            LOG.warn("subscribe failed ({}); will retry on the next reconnect", e.getMessage());
        }
    }

    private void work(BlockingQueue<Delivery> queue) {
        List<Delivery> batch = new ArrayList<>(batching.maxMessages());
        BatchCollector<Delivery> collector = new BatchCollector<>(batching.maxMessages(), batching.linger(),
                delivery -> delivery.message().topic().endsWith("/event"));
        while (running) {
            try {
                collector.collect(queue, batch);
            } catch (InterruptedException e) {
                return;
            }
            if (storeUntilDone(batch)) {
                batch.forEach(this::acknowledge);
            }
            batch.clear();
        }
    }

    /**
     * The broker redelivers an unacknowledged message only after a reconnect, so a batch that could not be
     * stored is never dropped here: it is tried again until it is stored or the service stops.
     */
    private boolean storeUntilDone(List<Delivery> batch) {
        List<InboundMessage> messages = batch.stream().map(Delivery::message).toList();
        while (running) {
            try {
                ingest.accept(messages);
                return true;
            } catch (RuntimeException e) {
                LOG.error("a batch of {} was not stored; trying again in 1 s", batch.size(), e);
                sleep(1_000);
            }
        }
        return false; // stopping: unacknowledged, so the broker keeps them for the next start
    }

    private void acknowledge(Delivery delivery) {
        if (delivery.connection() != connection.get() || !client.isConnected()) {
            return; // the broker will redeliver it on the new connection; storing again is idempotent
        }
        try {
            client.messageArrivedComplete(delivery.messageId(), delivery.qos());
        } catch (MqttException e) {
            LOG.warn("acknowledgement of message {} failed: {}", delivery.messageId(), e.getMessage());
        }
    }

    // ---- Paho callbacks: never block here ----

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        queues.get(Math.floorMod(deviceIdHash(topic), queues.size())).add(new Delivery(connection.get(),
                message.getId(), message.getQos(), new InboundMessage(topic, message.getPayload(), Instant.now())));
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        connection.incrementAndGet();
        LOG.info("{} to broker {}", reconnect ? "reconnected" : "connected", serverURI);
        // The session may have expired while we were away, so check the subscription every time.
        control.execute(this::subscribe);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("disconnected from broker: {}", response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("MQTT error: {}", exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

    @PreDestroy
    void stop() {
        running = false;
        control.shutdownNow();
        workers.forEach(Thread::interrupt);
        try {
            if (client.isConnected()) {
                client.disconnect().waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            LOG.debug("closing MQTT client: {}", e.getMessage());
        }
    }

    /** Hash of the topic's device level (the fourth), without allocating; any topic gets some queue. */
    static int deviceIdHash(String topic) {
        int start = 0;
        for (int level = 0; level < 3; level++) {
            int slash = topic.indexOf('/', start);
            if (slash < 0) {
                return topic.hashCode();
            }
            start = slash + 1;
        }
        int end = topic.indexOf('/', start);
        int hash = 0;
        for (int i = start; i < (end < 0 ? topic.length() : end); i++) {
            hash = 31 * hash + topic.charAt(i);
        }
        return hash;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Delivery(long connection, int messageId, int qos, InboundMessage message) {
    }
}
