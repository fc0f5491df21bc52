package org.smartcare.ingest;

import jakarta.inject.Singleton;
import java.util.List;
import java.util.Set;
import org.smartcare.alert.AlertEngine;
import org.smartcare.alert.AlertTrigger;
import org.smartcare.telemetry.EventKey;

/** Offers every newly stored event of a batch to the alert engine, inside the batch's transaction. */
@Singleton
public class EventAlerts {

    private final AlertEngine engine;

    EventAlerts(AlertEngine engine) {
        this.engine = engine;
    }

    void raise(List<Triage> triaged, Set<EventKey> newEvents) {
        if (newEvents.isEmpty()) {
            return;
        }
        for (Triage triage : triaged) {
            if (triage instanceof Triage.Accepted accepted && accepted.payload() instanceof Decoded.Event event
                    && newEvents.contains(new EventKey(accepted.device().id(), event.ts(), event.seq()))) {
                engine.onEvent(new AlertTrigger(accepted.device(), event.type(), event.seq(), event.ts(),
                        event.location()));
            }
        }
    }
}
