package org.smartcare.ingest;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.smartcare.device.Device;
import org.smartcare.device.DeviceType;
import org.smartcare.device.StatusChange;
import org.smartcare.telemetry.BedVitals;
import org.smartcare.telemetry.ButtonHeartbeat;
import org.smartcare.telemetry.CameraHealth;
import org.smartcare.telemetry.CaregiverFix;
import org.smartcare.telemetry.DeviceEvent;
import org.smartcare.telemetry.StatusReport;
import org.smartcare.telemetry.TelemetryBatch;

/** Turns accepted messages into hypertable rows and status changes. Pure: no I/O. */
@Singleton
public class BatchRows {

    /** The rows of one batch. */
    public record Rows(TelemetryBatch telemetry, List<StatusChange> statusChanges) {
    }

    Rows of(List<Triage> triaged) {
        TelemetryBatch telemetry = new TelemetryBatch();
        List<StatusChange> changes = new ArrayList<>();
        for (Triage triage : triaged) {
            if (triage instanceof Triage.Accepted accepted) {
                add(accepted, telemetry, changes);
            }
        }
        return new Rows(telemetry, changes);
    }

    private static void add(Triage.Accepted accepted, TelemetryBatch telemetry, List<StatusChange> changes) {
        Device device = accepted.device();
        String id = device.id();
        switch (accepted.payload()) {
            case Decoded.BedVitals vitals -> {
                List<BedVitals.Sample> samples = vitals.samples().stream()
                        .map(s -> new BedVitals.Sample(Math.toIntExact(s.dtMs()), s.heartRate(), s.respirationRate(),
                                s.inBed(), s.movement()))
                        .toList();
                BedVitals.rowsOf(id, vitals.ts(), vitals.seq(), samples).forEach(telemetry::add);
            }
            case Decoded.ButtonBeat beat -> telemetry.add(new ButtonHeartbeat(id, beat.ts(), beat.seq(), beat.battery(),
                    beat.signalDbm(), beat.location() == null ? null : beat.location().latitude(),
                    beat.location() == null ? null : beat.location().longitude(), beat.accuracyM()));
            case Decoded.CameraBeat beat -> telemetry.add(new CameraHealth(id, beat.ts(), beat.seq(), beat.fps(),
                    beat.bitrateKbps(), beat.storageDaysLeft(), beat.recording()));
            case Decoded.CaregiverLocation fix -> telemetry.add(new CaregiverFix(id, fix.ts(), fix.seq(),
                    fix.location().latitude(), fix.location().longitude(), fix.accuracyM(), fix.orderId()));
            case Decoded.Status status -> {
                telemetry.add(new StatusReport(id, status.ts(), status.seq(), status.online(), status.reason(),
                        status.battery(), status.signalDbm(), status.firmware(), accepted.message().receivedAt()));
                changes.add(new StatusChange(id, status.seq(), status.online(), status.reason(), status.ts(),
                        accepted.message().receivedAt(), status.battery(), status.signalDbm(), status.firmware()));
            }
            case Decoded.Event event -> telemetry.add(new DeviceEvent(id, event.seq(), event.ts(),
                    event.type().wireName(),
                    event.location() == null ? null : event.location().latitude(),
                    event.location() == null ? null : event.location().longitude(),
                    event.accuracyM(), event.durationS(), event.detail(), accepted.message().receivedAt()));
        }
    }

    /** The device class as metrics name it. */
    static String deviceClass(DeviceType type) {
        return switch (type) {
            case BED_SENSOR -> "bed";
            case SOS_BUTTON -> "button";
            case NURSERY_CAMERA -> "camera";
            case CAREGIVER_PHONE -> "phone";
        };
    }
}
