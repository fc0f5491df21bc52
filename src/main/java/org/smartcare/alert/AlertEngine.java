package org.smartcare.alert;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smartcare.care.Elder;
import org.smartcare.care.Elders;
import org.smartcare.care.Institution;
import org.smartcare.care.Institutions;
import org.smartcare.device.Device;
import org.smartcare.device.EventType;

/**
 * Turns stored device facts into alerts: runs the event rules over each new event, applies a user's
 * cancel, and raises (and clears) low-battery alerts from heartbeats; every alert linked to elder, institution
 * and region. Runs in the transaction that stored the facts.
 */
@Singleton
public class AlertEngine {

    private final List<EventRule> rules;
    private final AlertWriter writer;
    private final AlertWorkflow workflow;
    private final AlertPolicy policy;
    private final Elders elders;
    private final Institutions institutions;
    private final JdbcOperations jdbc;
    private final NightBedExitWatch bedExits;
    private final ThresholdLookup thresholds;
    private final AlertClearing clearing;
    private final NoTurningWatch noTurning;

    AlertEngine(List<EventRule> rules, AlertWriter writer, AlertWorkflow workflow, AlertPolicy policy, Elders elders,
                Institutions institutions, JdbcOperations jdbc, NightBedExitWatch bedExits, ThresholdLookup thresholds,
                AlertClearing clearing, NoTurningWatch noTurning) {
        this.noTurning = noTurning;
        this.thresholds = thresholds;
        this.clearing = clearing;
        this.bedExits = bedExits;
        bedExits.raiseWith(this);
        this.rules = rules;
        this.writer = writer;
        this.workflow = workflow;
        this.policy = policy;
        this.elders = elders;
        this.institutions = institutions;
        this.jdbc = jdbc;
    }

    /** Returns the ids of alerts raised or folded into. */
    public List<Long> onEvent(AlertTrigger trigger) {
        switch (trigger.type()) {
            case SOS_CANCEL -> {
                workflow.cancelByUser(trigger.device().id(), trigger.occurredAt(), policy.sosCancelWindow());
                return List.of();
            }
            case BED_EXIT -> {
                bedExits.exited(trigger.device(), trigger.occurredAt(), trigger.seq());
                noTurning.exited(trigger.device(), trigger.occurredAt());
            }
            case BED_RETURN -> {
                bedExits.returned(trigger.device(), trigger.occurredAt());
                noTurning.returned(trigger.device(), trigger.occurredAt(), trigger.seq());
            }
            case TURN -> noTurning.turned(trigger.device(), trigger.occurredAt(), trigger.seq());
            default -> { }
        }
        List<Long> raised = new ArrayList<>();
        OpeningHours hours = trigger.type().sentBy() == org.smartcare.device.DeviceType.NURSERY_CAMERA
                ? openingHours(trigger.device()).orElse(null) : null;
        for (EventRule rule : rules) {
            rule.evaluate(trigger, hours).flatMap(raise -> writer.raiseOrFold(newAlert(rule.id(), raise,
                    trigger.device(), trigger.occurredAt(), trigger.seq(), trigger)))
                    .ifPresent(alert -> raised.add(alert.id()));
        }
        return raised;
    }

    /** Raises (or folds) an alert decided outside the event rules, e.g. by a timer. */
    void raise(RuleId rule, EventRule.Raise raise, Device device, Instant occurredAt, long seq) {
        writer.raiseOrFold(newAlert(rule, raise, device, occurredAt, seq, null));
    }

    /**
     * Heartbeats' battery readings: under the device's threshold raises (or folds into) a low-battery alert; at or
     * above it clears the open one.
     */
    public void onBatteries(List<BatteryReading> readings) {
        List<AlertClearing.Recovery> charged = new ArrayList<>();
        for (BatteryReading reading : readings) {
            if (reading.percent() < thresholds.forDevice(reading.device()).lowBatteryPercent()) {
                writer.raiseOrFold(newAlert(RuleId.LOW_BATTERY, new EventRule.Raise(AlertKind.LOW_BATTERY, Severity.LOW),
                        reading.device(), reading.at(), reading.seq(), null));
            } else {
                charged.add(new AlertClearing.Recovery(reading.device().id(), RuleId.LOW_BATTERY, reading.at()));
            }
        }
        clearing.clear(charged, "battery charged");
    }

    /** One heartbeat's battery level. */
    public record BatteryReading(Device device, int percent, Instant at, long seq) {
    }

    /** A device went offline unexpectedly (Last Will or missed heartbeats). */
    public void onOffline(Device device, Instant at) {
        if (device.type() == org.smartcare.device.DeviceType.NURSERY_CAMERA
                && openingHours(device).map(h -> !h.isOpenAt(at)).orElse(false)) {
            return; // a camera off outside opening hours is expected
        }
        writer.raiseOrFold(newAlert(RuleId.DEVICE_OFFLINE, new EventRule.Raise(AlertKind.DEVICE_OFFLINE, Severity.MEDIUM),
                device, at, at.toEpochMilli(), null));
    }

    private NewAlert newAlert(RuleId rule, EventRule.Raise raise, Device device, Instant occurredAt, long seq,
                              AlertTrigger trigger) {
        Elder elder = device.elderId() == null ? null : elders.findById(device.elderId()).orElse(null);
        Long institutionId = device.institutionId() != null ? device.institutionId()
                : elder != null ? elder.institutionId() : null;
        String regionCode = elder != null ? elder.regionCode()
                : institutionId == null ? null
                : institutions.findById(institutionId).map(Institution::regionCode).orElse(null);
        boolean located = trigger != null && trigger.location() != null;
        return new NewAlert(rule, device.tenantId(), raise.kind(), raise.severity(), device.id(),
                device.elderId(), institutionId, regionCode, occurredAt, seq,
                located ? trigger.location().latitude() : null, located ? trigger.location().longitude() : null);
    }

    private Optional<OpeningHours> openingHours(Device device) {
        if (device.institutionId() == null) {
            return Optional.empty();
        }
        return jdbc.prepareStatement("SELECT opens_at, closes_at, time_zone FROM institution WHERE id = ?", statement -> {
            statement.setLong(1, device.institutionId());
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new OpeningHours(row.getTime(1).toLocalTime(),
                        row.getTime(2).toLocalTime(), ZoneId.of(row.getString(3)))) : Optional.<OpeningHours>empty();
            }
        });
    }
}
