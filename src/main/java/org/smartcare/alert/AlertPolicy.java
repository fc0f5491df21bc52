package org.smartcare.alert;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** How long each severity may stay unacknowledged before it escalates, and rule thresholds. */
@ConfigurationProperties("smartcare.alerts")
public record AlertPolicy(
        @Bindable(defaultValue = "60s") Duration ackCritical,
        @Bindable(defaultValue = "5m") Duration ackHigh,
        @Bindable(defaultValue = "30m") Duration ackMedium,
        @Bindable(defaultValue = "24h") Duration ackLow,
        @Bindable(defaultValue = "30s") Duration sosCancelWindow,
        @Bindable(defaultValue = "20") double apneaSeconds,
        @Bindable(defaultValue = "15") int lowBatteryPercent) {

    public Duration ackLimit(Severity severity) {
        return switch (severity) {
            case CRITICAL -> ackCritical;
            case HIGH -> ackHigh;
            case MEDIUM -> ackMedium;
            case LOW -> ackLow;
        };
    }
}
