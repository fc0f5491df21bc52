package org.smartcare.device.mqtt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/** How the service reaches the broker, with its own account (never a device's). */
@ConfigurationProperties("smartcare.mqtt")
public record MqttSettings(
        String url,
        String username,
        String password,
        @Bindable(defaultValue = "smartcare-service-1") String clientId,
        @Bindable(defaultValue = "86400") long sessionExpirySeconds,
        @Bindable(defaultValue = "4000") int receiveMaximum,
        @Bindable(defaultValue = "smartcare-ingest") String shareGroup) {
}
