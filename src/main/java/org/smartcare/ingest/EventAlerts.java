package org.smartcare.ingest;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.smartcare.alert.AlertEngine;
import org.smartcare.alert.AlertTrigger;
import org.smartcare.alert.BedBatch;
import org.smartcare.alert.NoTurningWatch;
import org.smartcare.alert.VitalsReading;
import org.smartcare.alert.VitalsWatch;
import org.smartcare.device.Device;
import org.smartcare.telemetry.EventKey;

/**
 * Offers a batch's new events, its bed samples and its button heartbeats' battery readings to the alert rules
 * inside the batch's transaction.
 */
@Singleton
public class EventAlerts {

    private final AlertEngine engine;
    private final VitalsWatch vitals;
    private final NoTurningWatch noTurning;

    EventAlerts(AlertEngine engine, VitalsWatch vitals, NoTurningWatch noTurning) {
        this.engine = engine;
        this.vitals = vitals;
        this.noTurning = noTurning;
    }

    void raise(List<Triage> triaged, Set<EventKey> newEvents) {
        List<AlertEngine.BatteryReading> batteries = new ArrayList<>();
        Map<Device, List<VitalsReading>> samples = new LinkedHashMap<>();
        for (Triage triage : triaged) {
            if (!(triage instanceof Triage.Accepted accepted)) {
                continue;
            }
            switch (accepted.payload()) {
                case Decoded.Event event when newEvents.contains(new EventKey(accepted.device().id(), event.ts(),
                        event.seq())) -> engine.onEvent(new AlertTrigger(accepted.device(), event.type(), event.seq(),
                        event.ts(), event.location(), event.durationS(), event.detail()));
                // Redelivered samples and heartbeats fold into the same open alerts, so no new-row check is needed.
                case Decoded.BedVitals batch -> {
                    List<VitalsReading> readings = samples.computeIfAbsent(accepted.device(), d -> new ArrayList<>());
                    for (Decoded.BedVitals.Sample s : batch.samples()) {
                        readings.add(new VitalsReading(batch.ts().plusMillis(s.dtMs()), batch.seq(), s.heartRate(),
                                s.respirationRate(), s.inBed()));
                    }
                }
                case Decoded.ButtonBeat beat -> batteries.add(new AlertEngine.BatteryReading(accepted.device(),
                        beat.battery(), beat.ts(), beat.seq()));
                default -> { }
            }
        }
        if (!samples.isEmpty()) {
            List<BedBatch> beds = samples.entrySet().stream()
                    .map(bed -> new BedBatch(bed.getKey(), bed.getValue())).toList();
            vitals.onSamples(beds);
            noTurning.onSamples(beds);
        }
        if (!batteries.isEmpty()) {
            engine.onBatteries(batteries);
        }
    }
}
