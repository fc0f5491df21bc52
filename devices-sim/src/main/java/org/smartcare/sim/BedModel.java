package org.smartcare.sim;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A home-care bed sensor under one elder: 1 Hz vitals, sent in batches of 10 every 10 s.
 *
 * <p>The elder sleeps from about 22:00 to 06:30 local time (each elder's times vary by up to an hour)
 * with heart rate ~55-62 and respiration ~12-15; in the day (a home care bed's elder spends much of it
 * in bed) ~65-85 and ~14-20. At night the elder turns every one to two hours ({@code turn}) and gets up
 * about once ({@code bed_exit}, then samples with inBed=false and no vitals); most come back within
 * minutes ({@code bed_return}), a few stay away 45-120 minutes. Apnea episodes (10-30 s) and sensor
 * faults are rare.
 */
public final class BedModel extends DeviceModel {

    public static final int BATCH_SAMPLES = 10;
    public static final long SAMPLE_MS = 1_000;
    public static final long BATCH_MS = BATCH_SAMPLES * SAMPLE_MS;
    private static final double SLEEP_HOURS = 8.5;
    private static final String[] FAULT_CODES = {"E_PIEZO_SIGNAL", "E_RADAR_NOISE", "E_CALIBRATION", "E_SELF_TEST"};

    private final CityRates rates;
    private final int bedtimeMinute;
    private final int wakeMinute;
    private final double sleepHr;
    private final double sleepRr;
    private final double dayHr;
    private final double dayRr;
    private final int battery;

    private long connectAt;
    private long batchStart;
    private boolean inBed = true;
    private long outUntil = -1;
    private long nextTurnAt = -1;
    private int turnSpikeLeft;
    private double drift;

    public BedModel(String deviceId, long firstSeq, SplittableRandom random, CityRates rates, long start) {
        super(deviceId, firstSeq, random);
        this.rates = rates;
        this.bedtimeMinute = clamp(Math.round(gaussian(22 * 60, 25)), 21 * 60, 23 * 60 + 30);
        this.wakeMinute = clamp(Math.round(gaussian(6 * 60 + 30, 20)), 5 * 60 + 30, 7 * 60 + 30);
        this.sleepHr = uniform(55.5, 61.5);
        this.sleepRr = uniform(12.5, 14.5);
        this.dayHr = uniform(68, 80);
        this.dayRr = uniform(15, 18.5);
        this.battery = random.nextInt(70, 101);
        this.connectAt = start + random.nextLong(BATCH_MS);
        this.batchStart = connectAt;
    }

    @Override
    public DeviceType type() {
        return DeviceType.BED_SENSOR;
    }

    @Override
    public long nextAt() {
        // Sent as soon as the batch's last sample is taken, as a sensor does; not a second later.
        return connectAt >= 0 ? connectAt : batchStart + BATCH_MS - SAMPLE_MS;
    }

    /** Whether {@code time} is within this elder's sleeping hours. */
    public boolean sleepingHours(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute >= bedtimeMinute || minute < wakeMinute;
    }

    @Override
    public List<Emission> advance(long now) {
        List<Emission> out = list();
        if (connectAt >= 0) {
            connectAt = -1;
            out.add(connect(now));
            return out;
        }
        long t0 = batchStart;
        batchStart = t0 + BATCH_MS;
        boolean night = sleepingHours(localTime(t0));
        double perBatch = BATCH_MS / 3_600_000d * rates.scale();
        int exitSecond = night && inBed && random.nextDouble() < rates.bedExitsPerNight() / SLEEP_HOURS * perBatch
                ? random.nextInt(BATCH_SAMPLES) : -1;
        int apneaSecond = night && inBed && random.nextDouble() < rates.apneaPerSleepHour() * perBatch
                ? random.nextInt(BATCH_SAMPLES) : -1;
        int faultSecond = random.nextDouble() < rates.sensorFaultPerHour() * perBatch ? random.nextInt(BATCH_SAMPLES) : -1;
        if (!night) {
            nextTurnAt = -1;
        } else if (nextTurnAt < 0) {
            nextTurnAt = t0 + turnInterval();
        }
        drift = Math.max(-4, Math.min(4, drift + gaussian(0, 0.3)));

        List<BedSample> samples = new ArrayList<>(BATCH_SAMPLES);
        for (int i = 0; i < BATCH_SAMPLES; i++) {
            long ts = t0 + i * SAMPLE_MS;
            int dtMs = (int) (i * SAMPLE_MS);
            if (!inBed && ts >= outUntil) {
                inBed = true;
                outUntil = -1;
                out.add(event(EventType.BED_RETURN, ts, EventDetails.none()));
            } else if (inBed && i == exitSecond) {
                inBed = false;
                outUntil = ts + awayMs();
                out.add(event(EventType.BED_EXIT, ts, EventDetails.none()));
            }
            if (night && inBed && nextTurnAt >= 0 && ts >= nextTurnAt) {
                nextTurnAt = ts + turnInterval();
                turnSpikeLeft = 3;
                out.add(event(EventType.TURN, ts, EventDetails.none()));
            }
            if (i == apneaSecond && inBed) {
                out.add(event(EventType.APNEA, ts, EventDetails.apnea(Math.round(uniform(10, 30) * 10) / 10.0)));
            }
            if (i == faultSecond) {
                out.add(event(EventType.SENSOR_FAULT, ts, EventDetails.fault(FAULT_CODES[random.nextInt(FAULT_CODES.length)])));
            }
            samples.add(inBed ? vitals(dtMs, night) : BedSample.empty(dtMs));
        }
        long seq = seq();
        out.add(new Emission.Send(Outgoing.telemetry(deviceId, MessageKind.BED_TELEMETRY, samples.size(), seq,
                TelemetryPayloads.bed(seq, time(t0), samples))));
        return out;
    }

    private BedSample vitals(int dtMs, boolean asleep) {
        int move;
        if (turnSpikeLeft > 0) {
            turnSpikeLeft--;
            move = random.nextInt(40, 81);
        } else {
            move = asleep ? random.nextInt(0, 4) : random.nextInt(5, 31);
        }
        double hr = asleep ? gaussian(sleepHr + drift * 0.5, 1.2) : gaussian(dayHr + drift, 3);
        double rr = asleep ? gaussian(sleepRr, 0.6) : gaussian(dayRr + drift * 0.3, 1.2);
        return BedSample.inBed(dtMs,
                clamp(Math.round(hr), asleep ? 50 : 60, asleep ? 66 : 92),
                clamp(Math.round(rr), asleep ? 11 : 13, asleep ? 16 : 21), move);
    }

    private long turnInterval() {
        return (long) uniform(60, 120) * 60_000L;
    }

    /** Mostly 2-15 minutes (toilet, water); sometimes 45-120 minutes, which should raise an alert. */
    private long awayMs() {
        double minutes = random.nextDouble() < rates.bedNoReturnProbability() ? uniform(45, 120) : uniform(2, 15);
        return (long) (minutes * 60_000);
    }

    @Override
    protected DeviceStatus connectStatus() {
        return DeviceStatus.connected(battery, null, "bed-2.4.1");
    }
}
