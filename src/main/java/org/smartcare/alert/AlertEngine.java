package org.smartcare.alert;

import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.Institution;
import org.smartcare.care.Institutions;
import org.smartcare.device.Device;

/** Runs the event rules over a stored event and raises what they decide, linked to elder and institution. */
@Singleton
public class AlertEngine {

    private final List<EventRule> rules;
    private final AlertWriter writer;
    private final Elders elders;
    private final Institutions institutions;

    AlertEngine(List<EventRule> rules, AlertWriter writer, Elders elders, Institutions institutions) {
        this.rules = rules;
        this.writer = writer;
        this.elders = elders;
        this.institutions = institutions;
    }

    /** Must run in the transaction that stored the event; returns the ids of alerts it raised. */
    public List<Long> onEvent(AlertTrigger trigger) {
        List<Long> raised = new ArrayList<>();
        for (EventRule rule : rules) {
            rule.evaluate(trigger).ifPresent(raise ->
                    writer.raiseIfNew(newAlert(rule.id(), raise, trigger)).ifPresent(raised::add));
        }
        return raised;
    }

    private NewAlert newAlert(RuleId rule, EventRule.Raise raise, AlertTrigger trigger) {
        Device device = trigger.device();
        Elder elder = device.elderId() == null ? null : elders.findById(device.elderId()).orElse(null);
        Long institutionId = device.institutionId() != null ? device.institutionId()
                : elder != null ? elder.institutionId() : null;
        String regionCode = elder != null ? elder.regionCode()
                : institutionId == null ? null
                : institutions.findById(institutionId).map(Institution::regionCode).orElse(null);
        return new NewAlert(rule, device.tenantId(), raise.kind(), raise.severity(), device.id(),
                device.elderId(), institutionId, regionCode, trigger.occurredAt(), trigger.seq(),
                trigger.location() == null ? null : trigger.location().latitude(),
                trigger.location() == null ? null : trigger.location().longitude());
    }
}
