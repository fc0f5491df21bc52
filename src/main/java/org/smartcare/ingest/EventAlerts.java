package org.smartcare.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.smartcare.alert.AlertEngine;
import org.smartcare.alert.AlertTrigger;
import org.smartcare.telemetry.EventKey;

/**
 * Offers a batch's new events, and its button heartbeats' battery readings, to the alert engine inside the
 * batch's transaction.
 */
@Singleton
public class EventAlerts {

    private final AlertEngine engine;

    EventAlerts(AlertEngine engine) {
        this.engine = engine;
    }

    void raise(List<Triage> triaged, Set<EventKey> newEvents) {
        for (Triage triage : triaged) {
            if (!(triage instanceof Triage.Accepted accepted)) {
                continue;
            }
            if (accepted.payload() instanceof Decoded.Event event
                    && newEvents.contains(new EventKey(accepted.device().id(), event.ts(), event.seq()))) {
                engine.onEvent(new AlertTrigger(accepted.device(), event.type(), event.seq(), event.ts(),
                        event.location(), event.durationS(), event.detail()));
            } else if (accepted.payload() instanceof Decoded.ButtonBeat beat) {
                // A redelivered heartbeat folds into the same open alert, so no new-row check is needed.
                engine.onBattery(accepted.device(), beat.battery(), beat.ts(), beat.seq());
            }
        }
    }
}
