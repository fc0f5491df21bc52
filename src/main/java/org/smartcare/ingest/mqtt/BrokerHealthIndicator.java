package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * /health shows whether both ingest lanes are connected to the broker and hold their subscriptions, and the broker's
 * own count of messages it dropped (a full session queue); drops do not make it DOWN: they are lost already.
 */
@Singleton
@Requires(beans = PahoDeviceSubscriber.class)
public class BrokerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final PahoDeviceSubscriber subscriber;
    private final BrokerStatistics statistics;

    BrokerHealthIndicator(PahoDeviceSubscriber subscriber, BrokerStatistics statistics) {
        this.subscriber = subscriber;
        this.statistics = statistics;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean subscribed = subscriber.isSubscribed();
        healthStatus = subscribed ? HealthStatus.UP : HealthStatus.DOWN;
        long dropped = statistics.dropped();
        return Map.of("subscriptions", subscriber.subscriptions(), "connected", subscriber.isConnected(),
                "subscribed", subscribed, "waiting", subscriber.waiting(),
                "droppedByBroker", dropped < 0 ? "unknown" : dropped);
    }

    @Override
    protected String getName() {
        return "broker";
    }
}
