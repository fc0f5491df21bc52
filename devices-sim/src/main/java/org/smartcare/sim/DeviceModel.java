package org.smartcare.sim;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated device in simulated time (epoch milliseconds). The simulation calls {@link #advance}
 * at {@link #nextAt()} and sends what it returns; the model owns its sequence numbers and randomness,
 * so a seed reproduces it whatever the network does. Not thread-safe: one scheduler drives it.
 */
public abstract class DeviceModel {

    /** The elders' and nurseries' local time zone: device timestamps carry its offset. */
    public static final ZoneId LOCAL_ZONE = ZoneId.of("Asia/Shanghai");

    protected final String deviceId;
    protected final SplittableRandom random;
    private long nextSeq;
    private boolean online;

    protected DeviceModel(String deviceId, long firstSeq, SplittableRandom random) {
        this.deviceId = deviceId;
        this.nextSeq = firstSeq;
        this.random = random;
    }

    public String deviceId() {
        return deviceId;
    }

    public abstract DeviceType type();

    /** The simulated time of the next thing this device does. */
    public abstract long nextAt();

    /** Does everything due at {@code now} (which is {@link #nextAt()}) and returns it in sending order. */
    public abstract List<Emission> advance(long now);

    /** Whether the device is connected (or wants to be), in the model's view. */
    public boolean online() {
        return online;
    }

    /** Connecting again after the connection dropped: new Last Will and online status. */
    public Emission.Connect reconnect(long now) {
        return connect(now);
    }

    /** End of the run: a clean shutdown when online, else nothing. */
    public List<Emission> finish(long now) {
        return online ? List.of(shutdown(now)) : List.of();
    }

    protected long seq() {
        return nextSeq++;
    }

    /** Will with seq N and the online status with N+1, both at {@code now}: one (ts, seq) per message. */
    protected Emission.Connect connect(long now) {
        online = true;
        OffsetDateTime ts = time(now);
        byte[] will = TelemetryPayloads.status(seq(), ts, DeviceStatus.will());
        long seq = seq();
        return new Emission.Connect(will, Outgoing.status(deviceId, seq, TelemetryPayloads.status(seq, ts, connectStatus())));
    }

    protected Emission.Shutdown shutdown(long now) {
        online = false;
        long seq = seq();
        return new Emission.Shutdown(Outgoing.status(deviceId, seq,
                TelemetryPayloads.status(seq, time(now), DeviceStatus.shutdown())));
    }

    /** The status published on connecting: battery, signal, firmware as the device knows them. */
    protected abstract DeviceStatus connectStatus();

    protected Emission.Send event(EventType type, long at, EventDetails details) {
        long seq = seq();
        return new Emission.Send(Outgoing.event(deviceId, type, seq, EventPayloads.event(type, seq, time(at), details)));
    }

    public static OffsetDateTime time(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(LOCAL_ZONE).toOffsetDateTime();
    }

    public static LocalTime localTime(long epochMs) {
        return Instant.ofEpochMilli(epochMs).atZone(LOCAL_ZONE).toLocalTime();
    }

    /** Time to the next event of a Poisson process with {@code perHour} events per hour; MAX_VALUE when 0. */
    protected long exponentialMs(double perHour) {
        if (!(perHour > 0)) {
            return Long.MAX_VALUE / 4;
        }
        double hours = -Math.log(1 - random.nextDouble()) / perHour;
        return (long) Math.min(hours * 3_600_000d, Long.MAX_VALUE / 4d);
    }

    protected double uniform(double from, double to) {
        return from + random.nextDouble() * (to - from);
    }

    protected double gaussian(double mean, double sd) {
        return mean + sd * nextGaussian();
    }

    private double nextGaussian() {
        // Box-Muller: SplittableRandom has no nextGaussian before Java 17's RandomGenerator default; keep it explicit.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    protected static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }

    protected static List<Emission> list() {
        return new ArrayList<>(4);
    }
}
