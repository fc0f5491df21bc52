package org.smartcare.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A nursery camera: online during opening hours (07:30-18:00 local, each camera a few minutes off),
 * a stream-health heartbeat every 30 s, rare {@code restricted_zone_motion} and {@code tamper}; at
 * closing it publishes status offline (reason shutdown) and disconnects cleanly.
 */
public final class CameraModel extends DeviceModel {

    public static final LocalTime OPENS = LocalTime.of(7, 30);
    public static final LocalTime CLOSES = LocalTime.of(18, 0);
    public static final long HEARTBEAT_MS = 30_000L;
    private static final String[] ZONES = {"kitchen", "storage", "back-door", "stairs", "office"};
    private static final String[] TAMPER_KINDS = {"occlusion", "moved", "defocus"};

    private final CityRates rates;
    private final double fps;
    private final int bitrate;
    private double storageDays;

    private long connectAt;
    private long closeAt = Long.MAX_VALUE;
    private long nextHeartbeat = Long.MAX_VALUE;
    private long nextZone = Long.MAX_VALUE;
    private long nextTamper = Long.MAX_VALUE;

    public CameraModel(String deviceId, long firstSeq, SplittableRandom random, CityRates rates, long start) {
        super(deviceId, firstSeq, random);
        this.rates = rates;
        this.fps = random.nextDouble() < 0.7 ? 25 : 15;
        this.bitrate = random.nextInt(1024, 4097);
        this.storageDays = uniform(5, 30);
        LocalTime now = localTime(start);
        this.connectAt = isOpen(now) ? start + random.nextLong(10_000) : nextOpening(start);
    }

    public static boolean isOpen(LocalTime time) {
        return !time.isBefore(OPENS) && time.isBefore(CLOSES);
    }

    @Override
    public DeviceType type() {
        return DeviceType.NURSERY_CAMERA;
    }

    @Override
    public long nextAt() {
        if (!online()) {
            return connectAt;
        }
        return Math.min(Math.min(nextHeartbeat, closeAt), Math.min(nextZone, nextTamper));
    }

    @Override
    public List<Emission> advance(long now) {
        List<Emission> out = list();
        if (!online()) {
            out.add(connect(now));
            closeAt = at(now, CLOSES) + random.nextLong(5 * 60_000L);
            nextHeartbeat = now + random.nextLong(HEARTBEAT_MS);
            nextZone = now + exponentialMs(rates.zoneMotionPerOpenHour() * rates.scale());
            nextTamper = now + exponentialMs(rates.tamperPerOpenHour() * rates.scale());
            return out;
        }
        if (now >= closeAt) {
            out.add(shutdown(now));
            connectAt = nextOpening(now);
            return out;
        }
        if (now >= nextZone) {
            nextZone = now + exponentialMs(rates.zoneMotionPerOpenHour() * rates.scale());
            out.add(event(EventType.RESTRICTED_ZONE_MOTION, now, EventDetails.zone(ZONES[random.nextInt(ZONES.length)])));
        }
        if (now >= nextTamper) {
            nextTamper = now + exponentialMs(rates.tamperPerOpenHour() * rates.scale());
            out.add(event(EventType.TAMPER, now, EventDetails.tamper(TAMPER_KINDS[random.nextInt(TAMPER_KINDS.length)])));
        }
        if (now >= nextHeartbeat) {
            nextHeartbeat += HEARTBEAT_MS;
            storageDays = Math.max(0, storageDays - HEARTBEAT_MS / 86_400_000d * 0.5);
            var health = new TelemetryPayloads.CameraHealth(Math.round(gaussian(fps, 0.4) * 10) / 10.0,
                    clamp(Math.round(gaussian(bitrate, bitrate * 0.05)), 0, 100_000),
                    Math.round(storageDays * 10) / 10.0, true);
            long seq = seq();
            out.add(new Emission.Send(Outgoing.telemetry(deviceId, MessageKind.CAMERA_HEALTH, 0, seq,
                    TelemetryPayloads.camera(seq, time(now), health))));
        }
        return out;
    }

    /** The next opening after {@code now}, with a few minutes' jitter. */
    private long nextOpening(long now) {
        ZonedDateTime local = Instant.ofEpochMilli(now).atZone(LOCAL_ZONE);
        LocalDate day = local.toLocalTime().isBefore(OPENS) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(OPENS).atZone(LOCAL_ZONE).toInstant().toEpochMilli() + random.nextLong(5 * 60_000L);
    }

    private static long at(long now, LocalTime time) {
        return Instant.ofEpochMilli(now).atZone(LOCAL_ZONE).toLocalDate().atTime(time).atZone(LOCAL_ZONE).toInstant()
                .toEpochMilli();
    }

    @Override
    protected DeviceStatus connectStatus() {
        return DeviceStatus.connected(null, null, "cam-5.2.3");
    }
}
