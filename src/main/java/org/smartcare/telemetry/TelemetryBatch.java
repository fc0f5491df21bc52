package org.smartcare.telemetry;

import java.util.ArrayList;
import java.util.List;

/** Rows of one ingest batch, by hypertable; filled by ingest, written in one transaction. */
public final class TelemetryBatch {

    final List<BedVitals> bedVitals = new ArrayList<>();
    final List<ButtonHeartbeat> heartbeats = new ArrayList<>();
    final List<CameraHealth> cameraHealth = new ArrayList<>();
    final List<StatusReport> statuses = new ArrayList<>();
    final List<DeviceEvent> events = new ArrayList<>();
    final List<CaregiverFix> caregiverFixes = new ArrayList<>();

    public void add(BedVitals vitals) {
        bedVitals.add(vitals);
    }

    public void add(ButtonHeartbeat heartbeat) {
        heartbeats.add(heartbeat);
    }

    public void add(CameraHealth health) {
        cameraHealth.add(health);
    }

    public void add(StatusReport status) {
        statuses.add(status);
    }

    public void add(DeviceEvent event) {
        events.add(event);
    }

    public void add(CaregiverFix fix) {
        caregiverFixes.add(fix);
    }

    public boolean isEmpty() {
        return bedVitals.isEmpty() && heartbeats.isEmpty() && cameraHealth.isEmpty() && statuses.isEmpty()
                && events.isEmpty() && caregiverFixes.isEmpty();
    }
}
