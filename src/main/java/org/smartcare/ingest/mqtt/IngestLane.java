package org.smartcare.ingest.mqtt;

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
import org.smartcare.ingest.IngestService;

/**
 * One MQTT connection of the ingest consumer with its own persistent session, subscriptions and workers.
 *
 * <p>Paho's callback thread only enqueues, to one of the lane's workers chosen by device id (so one device's
 * messages on this lane stay in order). A worker takes a batch (see {@link BatchCollector}), stores it in one
 * transaction and then acknowledges every message of it: a message is acknowledged only after its batch
 * commits.
 *
 * <p>The broker is meant to bound the queues: it sends at most {@code receiveMaximum} unacknowledged messages
 * per connection. Mosquitto 2.0.11 does not hold to that once acknowledgements flow (measured: 26,700
 * outstanding with a receive maximum of 100), so the lane bounds them itself: its {@link ReceiveGate} stops
 * reading the socket while more than {@code maxWaiting} messages wait. {@link #waiting()} is on /prometheus.
 *
 * <p>A lane of bulk work lowers the CPU priority of every thread it runs on (its workers, Paho's receiver and
 * callback threads; see {@link ThreadNiceness}), so that a busy machine serves the events lane first.
 */
final class IngestLane implements MqttCallback {

    private static final Logger LOG = LoggerFactory.getLogger(IngestLane.class);
    private static final long WAIT_MS = 10_000;
    /** Acknowledgements handed to Paho and not yet written, at most (a few batches' worth). */
    private static final int UNWRITTEN_ACKS = 5_000;
    private static final long ACK_WAIT_MS = 30_000;

    private final String name;
    private final MqttSettings settings;
    private final List<String> filters;
    private final List<String> retiredFilters;
    private final IngestService ingest;
    private final BatchCollector<Delivery> collector;
    private final List<BlockingQueue<Delivery>> queues = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private final ExecutorService control;
    /** Bumped on every (re)connect: message ids from an older connection must not be acknowledged. */
    private final AtomicLong connection = new AtomicLong();
    private final MqttAsyncClient client;
    private final ReceiveGate gate;
    private final AckWindow acks = new AckWindow(UNWRITTEN_ACKS, ACK_WAIT_MS);
    private final ThreadNiceness niceness;
    private volatile boolean running = true;
    private volatile boolean subscribed;

    /**
     * @param retiredFilters filters an earlier version subscribed with; dropped from the persistent session so
     *                       the broker stops routing their messages here (what is already queued still arrives)
     */
    IngestLane(String name, String clientId, List<String> filters, List<String> retiredFilters, int workers,
               BatchCollector<Delivery> collector, int maxWaiting, ThreadNiceness niceness, MqttSettings settings,
               IngestService ingest) throws MqttException {
        this.name = name;
        this.settings = settings;
        this.filters = List.copyOf(filters);
        this.retiredFilters = List.copyOf(retiredFilters);
        this.ingest = ingest;
        this.collector = collector;
        this.niceness = niceness;
        for (int i = 0; i < workers; i++) {
            queues.add(new LinkedBlockingQueue<>());
        }
        // A pause of 1 s before a lane that is still full reads a little: well inside the 30 s keepalive.
        this.gate = new ReceiveGate(this::waiting, maxWaiting, 1_000);
        this.control = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("mqtt-" + name + "-control").factory());
        this.client = new MqttAsyncClient(settings.url(), clientId, new MemoryPersistence());
        client.setManualAcks(true);
        client.setCallback(this);
    }

    String name() {
        return name;
    }

    List<String> filters() {
        return filters;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    /** Messages received and not yet taken into a batch, over all of the lane's workers. */
    int waiting() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /** Seconds the lane's workers waited for Paho to write the acknowledgements they had handed it. */
    double ackWaitSeconds() {
        return acks.waitedSeconds();
    }

    /** Seconds the lane held back reading from the broker because too much was waiting. */
    double pausedSeconds() {
        return gate.pausedSeconds();
    }

    /** Whether the broker granted every subscription on the current connection. */
    boolean isSubscribed() {
        return subscribed && client.isConnected();
    }

    void start() {
        for (int i = 0; i < queues.size(); i++) {
            BlockingQueue<Delivery> queue = queues.get(i);
            workers.add(Thread.ofPlatform().name("mqtt-" + name + "-worker-" + i).start(() -> work(queue)));
        }
        control.execute(this::connectUntilUp);
    }

    private void connectUntilUp() {
        while (running && !client.isConnected()) {
            try {
                client.connect(options()).waitForCompletion(WAIT_MS);
                // connectComplete() subscribes
            } catch (MqttException e) {
                LOG.warn("{} lane cannot reach the broker at {} ({}); retrying in 2 s", name, settings.url(),
                        e.getMessage());
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
            options.setSocketFactory(new BufferedSocketFactory(gate, niceness::applyToCurrentThread, acks::packetWritten));
        }
        return options;
    }

    private void subscribe() {
        try {
            MqttSubscription[] subscriptions = filters.stream().map(IngestLane::subscription)
                    .toArray(MqttSubscription[]::new);
            IMqttToken token = client.subscribe(subscriptions);
            token.waitForCompletion(WAIT_MS);
            int[] codes = token.getReasonCodes();
            for (int i = 0; i < filters.size(); i++) {
                if (codes == null || codes.length <= i || codes[i] > 2) {
                    LOG.error("broker refused subscription {} (reason {}); check the service account's role",
                            filters.get(i), codes == null || codes.length <= i ? "none" : codes[i]);
                    return;
                }
            }
            subscribed = true;
            LOG.info("{} lane subscribed to {} as {}", name, filters, client.getClientId());
            if (!retiredFilters.isEmpty()) {
                // Not waited for: "no subscription existed" (0x11) is the usual answer, and nothing depends on it.
                client.unsubscribe(retiredFilters.toArray(String[]::new));
            }
        } catch (MqttException e) {
            LOG.warn("{} lane subscribe failed ({}); will retry on the next reconnect", name, e.getMessage());
        }
    }

    /**
     * QoS 1; retained messages (every device's last status) only when the session did not hold the subscription
     * yet: re-subscribing after each reconnect would otherwise replay all of them, 152,000 in a city.
     */
    static MqttSubscription subscription(String filter) {
        MqttSubscription subscription = new MqttSubscription(filter, 1);
        subscription.setRetainHandling(1);
        return subscription;
    }

    private void work(BlockingQueue<Delivery> queue) {
        niceness.applyToCurrentThread();
        List<Delivery> batch = new ArrayList<>();
        while (running) {
            try {
                collector.collect(queue, batch);
            } catch (InterruptedException e) {
                return;
            }
            if (storeUntilDone(batch)) {
                try {
                    acknowledgeAll(batch);
                } catch (InterruptedException e) {
                    return; // stopping: unacknowledged, so the broker redelivers them to the next start
                }
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
                LOG.error("{} lane: a batch of {} was not stored; trying again in 1 s", name, batch.size(), e);
                sleep(1_000);
            }
        }
        return false; // stopping: unacknowledged, so the broker keeps them for the next start
    }

    private void acknowledgeAll(List<Delivery> batch) throws InterruptedException {
        if (batch.isEmpty()) {
            return;
        }
        long current = batch.getFirst().connection();
        acks.awaitRoom(batch.size(), () -> running && connection.get() == current);
        int handed = 0;
        for (Delivery delivery : batch) {
            if (acknowledge(delivery)) {
                handed++;
            }
        }
        acks.handed(handed);
    }

    /** Hands the acknowledgement to Paho; false when it was not (another connection's message, or Paho refused). */
    private boolean acknowledge(Delivery delivery) {
        if (delivery.connection() != connection.get() || !client.isConnected()) {
            return false; // the broker will redeliver it on the new connection; storing again is idempotent
        }
        try {
            client.messageArrivedComplete(delivery.messageId(), delivery.qos());
            return true;
        } catch (MqttException e) {
            LOG.warn("{} lane: acknowledgement of message {} failed: {}", name, delivery.messageId(), e.getMessage());
            return false;
        }
    }

    // ---- Paho callbacks: never block here ----

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        niceness.applyToCurrentThread();
        queues.get(Math.floorMod(deviceIdHash(topic), queues.size())).add(new Delivery(connection.get(),
                message.getId(), message.getQos(), new InboundMessage(topic, message.getPayload(), Instant.now())));
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        acks.connected();
        connection.incrementAndGet();
        subscribed = false;
        LOG.info("{} lane {} to broker {}", name, reconnect ? "reconnected" : "connected", serverURI);
        // The session may have expired while we were away, so check the subscriptions every time.
        control.execute(this::subscribe);
    }

    @Override
    public void disconnected(MqttDisconnectResponse response) {
        LOG.warn("{} lane disconnected from broker: {}", name, response.getReasonString());
    }

    @Override
    public void mqttErrorOccurred(MqttException exception) {
        LOG.warn("{} lane MQTT error: {}", name, exception.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttToken token) {
    }

    @Override
    public void authPacketArrived(int reasonCode, MqttProperties properties) {
    }

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
            LOG.debug("closing the {} lane's MQTT client: {}", name, e.getMessage());
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

    record Delivery(long connection, int messageId, int qos, InboundMessage message) {
    }
}
