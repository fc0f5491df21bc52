package org.smartcare.sim;

import java.util.List;
import java.util.SplittableRandom;

/**
 * An emergency call button: a heartbeat every 5 minutes (battery draining slowly, radio signal
 * wandering, GPS position for the pendants that have one), rare {@code sos_press} and
 * {@code fall_detected}; some presses are cancelled ({@code sos_cancel}) within 30 s.
 */
public final class ButtonModel extends DeviceModel {

    public static final long HEARTBEAT_MS = 5 * 60_000L;
    /** Around Shijiazhuang, where the first plan's city is. */
    private static final double CITY_LAT = 38.0428;
    private static final double CITY_LON = 114.5149;

    private final CityRates rates;
    private final Location home;
    private final double drainPerHour;
    private double battery;
    private double signal;

    private long connectAt;
    private long nextHeartbeat;
    private long nextSos;
    private long nextFall;
    private long pendingCancel = Long.MAX_VALUE;

    public ButtonModel(String deviceId, long firstSeq, SplittableRandom random, CityRates rates, long start) {
        super(deviceId, firstSeq, random);
        this.rates = rates;
        this.home = random.nextDouble() < 0.3
                ? Location.of(round(CITY_LAT + uniform(-0.1, 0.1), 5), round(CITY_LON + uniform(-0.1, 0.1), 5)) : null;
        this.battery = uniform(35, 100);
        this.drainPerHour = uniform(0.3, 1.0) / 24;
        this.signal = uniform(-95, -60);
        this.connectAt = start + random.nextLong(10_000);
        this.nextHeartbeat = connectAt + random.nextLong(HEARTBEAT_MS);
        this.nextSos = connectAt + exponentialMs(rates.sosPerHourPer1000() / 1000 * rates.scale());
        this.nextFall = connectAt + exponentialMs(rates.fallPerHourPer1000() / 1000 * rates.scale());
    }

    @Override
    public DeviceType type() {
        return DeviceType.SOS_BUTTON;
    }

    @Override
    public long nextAt() {
        if (connectAt >= 0) {
            return connectAt;
        }
        return Math.min(Math.min(nextHeartbeat, pendingCancel), Math.min(nextSos, nextFall));
    }

    @Override
    public List<Emission> advance(long now) {
        List<Emission> out = list();
        if (connectAt >= 0) {
            connectAt = -1;
            out.add(connect(now));
            return out;
        }
        if (now >= pendingCancel) {
            pendingCancel = Long.MAX_VALUE;
            out.add(event(EventType.SOS_CANCEL, now, EventDetails.at(position())));
        }
        if (now >= nextSos) {
            nextSos = now + exponentialMs(rates.sosPerHourPer1000() / 1000 * rates.scale());
            out.add(event(EventType.SOS_PRESS, now, EventDetails.at(position())));
            if (random.nextDouble() < rates.sosCancelProbability()) {
                pendingCancel = now + 3_000 + random.nextLong(27_000);
            }
        }
        if (now >= nextFall) {
            nextFall = now + exponentialMs(rates.fallPerHourPer1000() / 1000 * rates.scale());
            out.add(event(EventType.FALL_DETECTED, now, EventDetails.at(position())));
        }
        if (now >= nextHeartbeat) {
            battery = Math.max(0, battery - drainPerHour * HEARTBEAT_MS / 3_600_000d);
            signal = Math.max(-120, Math.min(-50, signal + gaussian(0, 2)));
            nextHeartbeat += HEARTBEAT_MS;
            long seq = seq();
            out.add(new Emission.Send(Outgoing.telemetry(deviceId, MessageKind.BUTTON_HEARTBEAT, 0, seq,
                    TelemetryPayloads.button(seq, time(now), (int) battery, (int) Math.round(signal), position()))));
        }
        return out;
    }

    private Location position() {
        if (home == null) {
            return null;
        }
        return new Location(round(home.lat() + uniform(-0.0002, 0.0002), 6), round(home.lon() + uniform(-0.0002, 0.0002), 6),
                (double) Math.round(uniform(5, 30)));
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }

    @Override
    protected DeviceStatus connectStatus() {
        return DeviceStatus.connected((int) battery, (int) Math.round(signal), "btn-1.7.0");
    }
}
