package org.smartcare.sim;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Builds the telemetry and status payloads of {@code schema/mqtt/}: bed vitals batches, button
 * heartbeats, camera stream health and device status. Pure: no clock, no I/O.
 */
public final class TelemetryPayloads {

    private TelemetryPayloads() {
    }

    /** {@code bed-telemetry.v1}: ts is the device time of the first sample. */
    public static byte[] bed(long seq, OffsetDateTime ts, List<BedSample> samples) {
        if (samples.isEmpty() || samples.size() > 120) {
            throw new IllegalArgumentException("a batch holds 1..120 samples, got " + samples.size());
        }
        StringBuilder array = new StringBuilder(samples.size() * 56).append('[');
        for (int i = 0; i < samples.size(); i++) {
            array.append(i == 0 ? "" : ",").append(samples.get(i).json());
        }
        return JsonText.payload(seq, ts).raw("samples", array.append(']')).bytes();
    }

    /**
     * {@code button-telemetry.v1}: a heartbeat.
     *
     * @param signal   dBm, or {@code null} when unknown
     * @param location {@code null} for buttons without GPS
     */
    public static byte[] button(long seq, OffsetDateTime ts, int battery, Integer signal, Location location) {
        JsonText json = JsonText.payload(seq, ts).field("battery", battery);
        if (signal != null) {
            json.field("signal", signal.longValue());
        }
        if (location != null) {
            json.raw("location", JsonText.location(location));
        }
        return json.bytes();
    }

    /** {@code camera-telemetry.v1}: stream health. */
    public static byte[] camera(long seq, OffsetDateTime ts, CameraHealth health) {
        JsonText json = JsonText.payload(seq, ts).field("fps", health.fps()).field("bitrateKbps", health.bitrateKbps());
        if (health.storageDaysLeft() != null) {
            json.field("storageDaysLeft", health.storageDaysLeft().doubleValue());
        }
        json.field("recording", health.recording());
        return json.bytes();
    }

    /** {@code status.v1}: retained on the status topic, also the Last Will. */
    public static byte[] status(long seq, OffsetDateTime ts, DeviceStatus status) {
        JsonText json = JsonText.payload(seq, ts).field("online", status.online()).field("reason", status.reason().wireName());
        if (status.battery() != null) {
            json.field("battery", status.battery().longValue());
        }
        if (status.signal() != null) {
            json.field("signal", status.signal().longValue());
        }
        if (status.firmware() != null) {
            json.field("firmware", status.firmware());
        }
        return json.bytes();
    }

    /**
     * Camera stream health.
     *
     * @param storageDaysLeft {@code null} when the camera does not report it
     */
    public record CameraHealth(double fps, int bitrateKbps, Double storageDaysLeft, boolean recording) {
    }
}
