package org.smartcare.ingest.mqtt;

import io.micronaut.context.annotation.Requires;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;

/** /health shows whether the ingest consumer is connected to the broker. */
@Singleton
@Requires(beans = PahoDeviceSubscriber.class)
public class BrokerHealthIndicator extends AbstractHealthIndicator<Map<String, Object>> {

    private final PahoDeviceSubscriber subscriber;

    BrokerHealthIndicator(PahoDeviceSubscriber subscriber) {
        this.subscriber = subscriber;
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = subscriber.isConnected() ? HealthStatus.UP : HealthStatus.DOWN;
        return Map.of("subscription", subscriber.subscriptionFilter(), "connected", subscriber.isConnected());
    }

    @Override
    protected String getName() {
        return "broker";
    }
}
