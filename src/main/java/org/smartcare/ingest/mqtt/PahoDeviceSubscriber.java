package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.smartcare.device.mqtt.MqttSettings;
import org.smartcare.ingest.IngestBatching;
import org.smartcare.ingest.IngestService;

/**
 * The service's consumer of device messages: a member of the shared subscriptions, on two connections with
 * persistent sessions so the broker keeps what arrives while the service is down.
 *
 * <p>Device events (SOS presses, falls, bed exits) have a connection, session and worker of their own: an
 * operator waits for them, so they must not queue behind telemetry, neither in the broker (a connection
 * receives its messages in order, behind everything sent before them) nor in a worker's batch. The
 * telemetry lane takes telemetry and status in big batches. Each topic matches exactly one lane, and one
 * device's messages on a channel stay in order; across channels nothing depends on arrival order (every
 * rule works from device timestamps).
 */
@Singleton
@Requires(property = "smartcare.ingest.enabled", notEquals = "false")
public class PahoDeviceSubscriber {

    private static final String DEVICES = "smartcare/v1/devices/";

    private final IngestLane events;
    private final IngestLane telemetry;

    PahoDeviceSubscriber(MqttSettings settings, IngestService ingest, IngestBatching batching,
                         EventLaneBatching eventBatching, MeterRegistry registry) throws MqttException {
        String share = "$share/" + settings.shareGroup() + "/" + DEVICES;
        this.events = new IngestLane("events", settings.clientId() + "-events", List.of(share + "+/event"),
                List.of(), eventBatching.workers(),
                new BatchCollector<>(eventBatching.maxMessages(), Duration.ZERO), batching.maxWaiting(),
                new ThreadNiceness(0), settings, ingest);
        // Before the events lane existed, one session took everything on "+/+"; the filter is retired from it.
        this.telemetry = new IngestLane("telemetry", settings.clientId(),
                List.of(share + "+/telemetry", share + "+/status"), List.of(share + "+/+"), batching.workers(),
                new BatchCollector<>(batching.maxMessages(), batching.linger()), batching.maxWaiting(),
                new ThreadNiceness(batching.nice()), settings, ingest);
        for (IngestLane lane : List.of(events, telemetry)) {
            Gauge.builder("smartcare.ingest.waiting", lane, IngestLane::waiting)
                    .description("messages received and waiting for a batch")
                    .tag("lane", lane.name()).register(registry);
            FunctionCounter.builder("smartcare.ingest.receive.paused", lane, IngestLane::pausedSeconds)
                    .description("seconds the lane stopped reading from the broker because too much was waiting")
                    .baseUnit("seconds").tag("lane", lane.name()).register(registry);
            FunctionCounter.builder("smartcare.ingest.ack.wait", lane, IngestLane::ackWaitSeconds)
                    .description("seconds the lane's workers waited for Paho to write the acknowledgements handed to it")
                    .baseUnit("seconds").tag("lane", lane.name()).register(registry);
        }
    }

    /** Messages waiting in the service per lane. */
    public Map<String, Integer> waiting() {
        return Map.of("events", events.waiting(), "telemetry", telemetry.waiting());
    }

    /** Each lane's subscription filters, for health. */
    public Map<String, List<String>> subscriptions() {
        return Map.of("events", events.filters(), "telemetry", telemetry.filters());
    }

    public boolean isConnected() {
        return events.isConnected() && telemetry.isConnected();
    }

    /** Whether both lanes hold every subscription they need on their current connections. */
    public boolean isSubscribed() {
        return events.isSubscribed() && telemetry.isSubscribed();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        events.start();
        telemetry.start();
    }

    @PreDestroy
    void stop() {
        telemetry.stop();
        events.stop();
    }
}
