package org.smartcare.order;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import java.time.Duration;

/** Thresholds of abnormal-order detection and of the rating follow-up loop ({@code smartcare.orders.*}). */
@ConfigurationProperties("smartcare.orders")
public record OrderSettings(
        @Bindable(defaultValue = "200") double farFromHomeMetres,
        @Bindable(defaultValue = "0.5") double shortServiceRatio,
        @Bindable(defaultValue = "15m") Duration checkInTolerance,
        @Bindable(defaultValue = "2.0") double missingCheckOutFactor,
        @Bindable(defaultValue = "120") double maxSpeedKmh,
        @Bindable(defaultValue = "2") int followUpMaxScore,
        @Bindable(defaultValue = "3d") Duration followUpDue,
        @Bindable(defaultValue = "366") int maxPlanDays) {

    public OrderSettings {
        if (!(farFromHomeMetres > 0) || !(shortServiceRatio > 0 && shortServiceRatio <= 1)
                || !(missingCheckOutFactor >= 1) || !(maxSpeedKmh > 0)) {
            throw new IllegalArgumentException("anomaly thresholds out of range");
        }
        if (checkInTolerance.isNegative() || !followUpDue.isPositive()) {
            throw new IllegalArgumentException("check-in tolerance must be >= 0 and follow-up due time > 0");
        }
        if (followUpMaxScore < 0 || followUpMaxScore > 5 || maxPlanDays < 1) {
            throw new IllegalArgumentException("follow-up score 0-5 and plan range >= 1 day");
        }
    }
}
