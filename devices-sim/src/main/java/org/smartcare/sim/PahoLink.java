package org.smartcare.sim;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;

/**
 * A {@link Link} on Paho, one MQTT 5 connection that never blocks its caller: publishes queue up and go out QoS 1 with at
 * most {@code window} unacknowledged at a time; while the link is connecting or reconnecting they
 * wait in the queue. It can drop abruptly (no DISCONNECT, so the broker publishes the Last Will) and
 * connect again with a new will, or close cleanly after sending what is queued.
 */
final class PahoLink implements Link {

    /** Where the connection is; what is wanted of it next is in dropRequested and closeRequested. */
    private enum State { IDLE, CONNECTING, UP, FAILED }

    private static final int MAX_CONNECT_ATTEMPTS = 3;

    private final Settings settings;
    private final PahoRuntime runtime;
    private final Listener listener;
    private final MqttAsyncClient client;
    private final ArrayDeque<Publish> queue = new ArrayDeque<>();
    private final MqttActionListener onPublished = new Published();

    private Supplier<Publish> source;
    private State state = State.IDLE;
    private int inflight;
    private int window;
    private boolean pumping;
    private boolean pumpAgain;
    private byte[] will;
    private String willTopic;
    private Publish pendingConnectFirst;
    private byte[] pendingWill;
    private boolean connectPending;
    private boolean dropRequested;
    private boolean closeRequested;
    /** Completes when a requested close is done; null when none is waited for. */
    private CompletableFuture<Void> closed;

    PahoLink(Settings settings, PahoRuntime runtime, Listener listener) throws MqttException {
        this.settings = settings;
        this.runtime = runtime;
        this.listener = listener;
        this.window = settings.window();
        this.client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence(), null,
                runtime.paho());
        this.client.setCallback(new ConnectionWatch());
    }

    @Override
    public String clientId() {
        return settings.clientId();
    }

    @Override
    public synchronized boolean failed() {
        return state == State.FAILED;
    }

    @Override
    public synchronized void source(Supplier<Publish> next) {
        this.source = next;
    }

    /**
     * Connects, registering {@code willPayload} (retained, QoS 1, on {@code willTopic}) when not null,
     * then publishes {@code first} before anything queued. When the link is still dropping, connects
     * as soon as the drop is done.
     */
    @Override
    public void connect(String willTopic, byte[] willPayload, Publish first) {
        synchronized (this) {
            if (dropRequested || closeRequested) {
                connectPending = true;
                pendingWill = willPayload;
                this.willTopic = willTopic;
                pendingConnectFirst = first;
                return;
            }
            startConnect(willTopic, willPayload, first);
        }
    }

    private void startConnect(String topic, byte[] willPayload, Publish first) {
        state = State.CONNECTING;
        willTopic = topic;
        will = willPayload;
        if (first != null) {
            queue.addFirst(first);
        }
        runtime.run(() -> doConnect(1));
    }

    private void doConnect(int attempt) {
        String error;
        try {
            runtime.connectSlots().acquire();
            try {
                IMqttToken token = client.connect(options());
                token.waitForCompletion(settings.timeoutS() * 1000L);
            } finally {
                runtime.connectSlots().release();
            }
            synchronized (this) {
                window = settings.window();
                if (state == State.CONNECTING) {
                    state = State.UP;
                }
            }
            listener.connected(this);
            pump();
            return;
        } catch (MqttException e) {
            error = DevicePublisher.describe(e);
            boolean auth = e.getReasonCode() == 0x86 || e.getReasonCode() == 0x87 || e.getReasonCode() == 0x85;
            if (!auth && attempt < MAX_CONNECT_ATTEMPTS) {
                runtime.runLater(() -> doConnect(attempt + 1), 1000L * attempt);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        List<Publish> lost;
        synchronized (this) {
            state = State.FAILED;
            dropRequested = false;
            closeRequested = false;
            connectPending = false;
            lost = new ArrayList<>(queue);
            queue.clear();
        }
        listener.connectFailed(this, error);
        for (Publish p : lost) {
            listener.completed(p, PublishResult.failed("connect: " + error));
        }
        completeClose();
    }

    private MqttConnectionOptions options() {
        MqttConnectionOptions options = new MqttConnectionOptions();
        options.setUserName(settings.username());
        options.setPassword(settings.password().getBytes(StandardCharsets.UTF_8));
        options.setCleanStart(true);
        options.setSessionExpiryInterval(0L);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(settings.timeoutS());
        options.setKeepAliveInterval(60);
        options.setSocketFactory(new BufferedSockets());
        if (will != null) {
            MqttMessage lastWill = new MqttMessage(will, 1, true, jsonProperties());
            options.setWill(willTopic, lastWill);
        }
        return options;
    }

    @Override
    public void send(Publish publish) {
        String fail = null;
        synchronized (this) {
            if (state == State.FAILED) {
                fail = "not connected";
            } else if (queue.size() >= settings.maxPending()) {
                fail = "dropped: " + settings.maxPending() + " publishes already waiting (the broker acknowledges "
                        + "more slowly than the simulation generates)";
            } else {
                queue.add(publish);
            }
        }
        if (fail != null) {
            listener.completed(publish, PublishResult.failed(fail));
        } else {
            pump();
        }
    }

    /** After what is in flight is acknowledged, closes the socket without DISCONNECT: the will fires. */
    void dropAbruptly() {
        synchronized (this) {
            if (state != State.UP && state != State.CONNECTING) {
                return;
            }
            dropRequested = true;
        }
        pump();
    }

    @Override
    public CompletableFuture<Void> close() {
        List<Publish> lost = List.of();
        CompletableFuture<Void> result;
        synchronized (this) {
            if ((state == State.IDLE && !connectPending) || state == State.FAILED) {
                lost = new ArrayList<>(queue);
                queue.clear();
                result = CompletableFuture.completedFuture(null);
            } else {
                closeRequested = true;
                if (closed == null) {
                    closed = new CompletableFuture<>();
                }
                result = closed;
            }
        }
        for (Publish p : lost) {
            listener.completed(p, PublishResult.failed("never connected"));
        }
        pump();
        return result;
    }

    /** Sends what the window allows; one thread at a time, so the order of the queue is kept. */
    private void pump() {
        synchronized (this) {
            if (pumping) {
                pumpAgain = true;
                return;
            }
            pumping = true;
        }
        while (true) {
            List<Publish> batch = new ArrayList<>();
            Runnable transition = null;
            synchronized (this) {
                pumpAgain = false;
                if (state == State.UP && !dropRequested) {
                    while (inflight < window) {
                        Publish next = queue.poll();
                        if (next == null && source != null && !closeRequested) {
                            next = source.get();
                        }
                        if (next == null) {
                            break;
                        }
                        inflight++;
                        batch.add(next);
                    }
                }
                if (batch.isEmpty()) {
                    if (state == State.UP && inflight == 0 && dropRequested) {
                        state = State.IDLE;
                        dropRequested = false;
                        transition = this::drop;
                    } else if (state == State.UP && inflight == 0 && closeRequested && queue.isEmpty()) {
                        state = State.IDLE;
                        closeRequested = false;
                        transition = this::disconnect;
                    }
                    if (!pumpAgain) {
                        pumping = false;
                        if (transition != null) {
                            runtime.run(transition);
                        }
                        return;
                    }
                }
            }
            for (Publish p : batch) {
                publishNow(p);
            }
        }
    }

    private void publishNow(Publish p) {
        try {
            MqttMessage message = new MqttMessage(p.payload(), 1, p.retained(), jsonProperties());
            client.publish(p.topic(), message, p, onPublished);
        } catch (MqttException e) {
            if (e.getReasonCode() == org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                // Beyond the broker's Receive Maximum (Mosquitto: max_inflight_messages): shrink the window.
                synchronized (this) {
                    inflight--;
                    window = Math.max(1, inflight);
                    queue.addFirst(p);
                }
                return;
            }
            finished(p, PublishResult.failed(DevicePublisher.describe(e)));
        }
    }

    private void finished(Publish p, PublishResult result) {
        synchronized (this) {
            inflight--;
        }
        listener.completed(p, result);
        pump();
    }

    private void drop() {
        try {
            client.disconnectForcibly(0, 1, false);
        } catch (MqttException e) {
            // Already gone: the broker saw the socket close either way.
        }
        afterDisconnect();
    }

    private void disconnect() {
        try {
            client.disconnect(settings.timeoutS() * 1000L).waitForCompletion(settings.timeoutS() * 1000L);
        } catch (MqttException e) {
            try {
                client.disconnectForcibly(0, 1, false);
            } catch (MqttException ignored) {
                // Gone.
            }
        }
        afterDisconnect();
    }

    private void afterDisconnect() {
        List<Publish> lost = List.of();
        synchronized (this) {
            if (connectPending) {
                connectPending = false;
                startConnect(willTopic, pendingWill, pendingConnectFirst);
                pendingConnectFirst = null;
                pendingWill = null;
                return;
            }
            if (closed != null) {
                // A close was asked for while dropping, with no reconnect to send the rest: it is lost.
                closeRequested = false;
                lost = new ArrayList<>(queue);
                queue.clear();
            }
        }
        for (Publish p : lost) {
            listener.completed(p, PublishResult.failed("closed while disconnected"));
        }
        completeClose();
    }

    private void completeClose() {
        CompletableFuture<Void> done;
        synchronized (this) {
            done = closed;
            closed = null;
        }
        if (done != null) {
            done.complete(null);
        }
    }

    @Override
    public void release() {
        try {
            if (client.isConnected()) {
                client.disconnectForcibly(0, 1, false);
            }
            client.close(true);
        } catch (MqttException e) {
            // Nothing left that the JVM will not release.
        }
    }

    /** A fresh object per message: Paho writes the topic alias it picks into the message's properties. */
    private static MqttProperties jsonProperties() {
        MqttProperties properties = new MqttProperties();
        properties.setPayloadFormat(true);
        properties.setContentType("application/json");
        return properties;
    }

    private final class Published implements MqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            int[] codes = token.getReasonCodes();
            int code = codes == null || codes.length == 0 ? ReasonCodes.SUCCESS : codes[0];
            finished((Publish) token.getUserContext(), PublishResult.fromPubAck(code));
        }

        @Override
        public void onFailure(IMqttToken token, Throwable exception) {
            PublishResult result;
            if (exception instanceof MqttException e && e.getReasonCode() >= 0x80 && e.getReasonCode() <= 0xFF) {
                result = PublishResult.fromPubAck(e.getReasonCode());
            } else {
                result = PublishResult.failed(exception instanceof MqttException e ? DevicePublisher.describe(e)
                        : String.valueOf(exception));
            }
            finished((Publish) token.getUserContext(), result);
        }
    }

    /** An unexpected loss: reconnect with the same will after a second; queued publishes wait. */
    private final class ConnectionWatch implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            synchronized (PahoLink.this) {
                if (state != State.UP) {
                    return;
                }
                state = State.CONNECTING;
            }
            runtime.runLater(() -> doConnect(1), 1000);
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
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
