package org.smartcare.sim;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * One MQTT 5 connection that never blocks its caller: publishes queue up and go out QoS 1 with at most
 * {@code window} unacknowledged at a time; while the link is connecting or reconnecting they wait in the
 * queue. {@link PahoLink} serves the per-device connections (Last Will, abrupt drops); {@link BatchingLink}
 * the few privileged connections of load runs, where a generator's own cost per message matters.
 */
interface Link {

    /**
     * Who logs in, where, how many publishes may await their PUBACK, and how many may wait to be sent:
     * beyond {@code maxPending} a publish fails at once (counted, visible) instead of growing the heap.
     */
    record Settings(String brokerUrl, String clientId, String username, String password, int window, int timeoutS,
                    int maxPending) {

        Settings(String brokerUrl, String clientId, String username, String password, int window, int timeoutS) {
            this(brokerUrl, clientId, username, password, window, timeoutS, Integer.MAX_VALUE);
        }
    }

    /** One publish; {@code tag} comes back in the listener. */
    record Publish(String topic, byte[] payload, boolean retained, Object tag) {
    }

    /** Hears how every publish ended; called on the link's own threads. */
    interface Listener {
        void completed(Publish publish, PublishResult result);

        default void connected(Link link) {
        }

        default void connectFailed(Link link, String detail) {
        }
    }

    String clientId();

    /** Whether connecting failed for good. */
    boolean failed();

    /** For load runs: asked for the next publish whenever the window has room and the queue is empty. */
    void source(Supplier<Publish> next);

    /**
     * Connects, registering {@code willPayload} (retained, QoS 1, on {@code willTopic}) when not null,
     * then publishes {@code first} before anything queued.
     */
    void connect(String willTopic, byte[] willPayload, Publish first);

    void send(Publish publish);

    /** Sends what is queued, then DISCONNECT (normal): no will. Completes when the link is idle. */
    CompletableFuture<Void> close();

    /** Releases the connection's resources; call after {@link #close()} completed. */
    void release();
}
