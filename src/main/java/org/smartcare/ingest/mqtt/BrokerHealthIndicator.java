package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * /health shows whether both ingest lanes hold their subscriptions; a lane paused because the database is behind
 * counts as up (busy, not broken), and the details show it.
 */
@Singleton
@Requires(beans = PahoDeviceSubscriber.class)
public class BrokerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final PahoDeviceSubscriber subscriber;

    BrokerHealthIndicator(PahoDeviceSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = subscriber.isHealthy() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("subscriptions", subscriber.subscriptions(), "connected", subscriber.isConnected(),
                "subscribed", subscriber.isSubscribed(), "paused", subscriber.paused(),
                "waiting", subscriber.waiting());
    }

    @Override
    protected String getName() {
        return "broker";
    }
}
