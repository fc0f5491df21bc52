package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** /health shows whether both ingest lanes are connected to the broker and hold their subscriptions. */
@Singleton
@Requires(beans = PahoDeviceSubscriber.class)
public class BrokerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final PahoDeviceSubscriber subscriber;

    BrokerHealthIndicator(PahoDeviceSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        boolean subscribed = subscriber.isSubscribed();
        healthStatus = subscribed ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("subscriptions", subscriber.subscriptions(), "connected", subscriber.isConnected(),
                "subscribed", subscribed, "waiting", subscriber.waiting());
    }

    @Override
    protected String getName() {
        return "broker";
    }
}
