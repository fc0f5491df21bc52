package org.smartcare.device;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects sightings in memory and writes them in one statement every couple of seconds, instead of one
 * update per message: at city scale that is thousands of row updates a second saved. Last-seen is derived
 * state, so losing the last interval in a crash only delays it until the device's next message.
 * Also expires devices that missed three heartbeats, allowing for the time messages currently wait in the service.
 */
@Singleton
public class DeviceStateTracker {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceStateTracker.class);

    private final DeviceStates states;
    private final Map<DeviceType, Duration> timeouts = new EnumMap<>(DeviceType.class);
    private final IngestBacklog backlog = new IngestBacklog();
    private volatile ConcurrentHashMap<String, Sighting> pending = new ConcurrentHashMap<>();

    DeviceStateTracker(DeviceStates states,
                       @Value("${smartcare.devices.heartbeat.bed-sensor:10s}") Duration bed,
                       @Value("${smartcare.devices.heartbeat.sos-button:5m}") Duration button,
                       @Value("${smartcare.devices.heartbeat.nursery-camera:30s}") Duration camera) {
        this.states = states;
        // Offline after three missed heartbeats.
        timeouts.put(DeviceType.BED_SENSOR, bed.multipliedBy(3));
        timeouts.put(DeviceType.SOS_BUTTON, button.multipliedBy(3));
        timeouts.put(DeviceType.NURSERY_CAMERA, camera.multipliedBy(3));
    }

    public void seen(Sighting sighting) {
        pending.merge(sighting.deviceId(), sighting, Sighting::merge);
    }

    /** A batch committed; its oldest message had waited {@code wait} in the service since it was received. */
    public void committed(Duration wait) {
        backlog.committed(wait, System.nanoTime());
    }

    @Scheduled(fixedDelay = "${smartcare.devices.flush-interval:2s}")
    void flush() {
        ConcurrentHashMap<String, Sighting> batch = pending;
        if (batch.isEmpty()) {
            return;
        }
        pending = new ConcurrentHashMap<>();
        try {
            states.touch(batch.values());
        } catch (RuntimeException e) {
            LOG.warn("could not record {} sightings, keeping them for the next flush: {}", batch.size(), e.getMessage());
            batch.values().forEach(this::seen);
        }
    }

    @Scheduled(fixedDelay = "${smartcare.devices.sweep-interval:15s}", initialDelay = "15s")
    void expireSilentDevices() {
        try {
            Duration grace = Duration.ofNanos(backlog.grace(System.nanoTime()));
            Map<DeviceType, Duration> allowed = new EnumMap<>(DeviceType.class);
            timeouts.forEach((type, timeout) -> allowed.put(type, timeout.plus(grace)));
            List<String> expired = states.expire(allowed);
            if (!expired.isEmpty()) {
                LOG.info("{} devices went offline after missing three heartbeats", expired.size());
            }
        } catch (RuntimeException e) {
            LOG.warn("heartbeat sweep failed: {}", e.getMessage());
        }
    }

    public Map<DeviceType, Duration> timeouts() {
        return Map.copyOf(timeouts);
    }

    @PreDestroy
    void close() {
        flush();
    }
}
