package org.smartcare.notices;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.TreeMap;

/**
 * /health shows whether every LISTEN loop is in place: without them alerts raised by other instances do not reach
 * this one's subscribers, and device registration changes made elsewhere wait for the cache's short time to live.
 */
@Singleton
public class NoticesHealthIndicator extends AbstractHealthIndicator<Map<String, Boolean>> {

    private final DatabaseNotices notices;

    NoticesHealthIndicator(DatabaseNotices notices) {
        this.notices = notices;
    }

    @Override
    protected Map<String, Boolean> getHealthInformation() {
        Map<String, Boolean> listening = new TreeMap<>();
        notices.listeners().forEach(listener -> listening.put(listener.name(), listener.isListening()));
        healthStatus = listening.containsValue(false) ? HealthStatus.DOWN : HealthStatus.UP;
        return listening;
    }

    @Override
    protected String getName() {
        return "notices";
    }
}
