package org.smartcare.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The thresholds in force for one scope: every setting has a value (defaults filled in). */
public record AlertThresholds(Map<ThresholdSetting, Integer> values) {

    public AlertThresholds {
        EnumMap<ThresholdSetting, Integer> copy = new EnumMap<>(ThresholdSetting.class);
        copy.putAll(values);
        if (copy.size() != ThresholdSetting.values().length) {
            throw new IllegalArgumentException("every threshold needs a value");
        }
        values = Collections.unmodifiableMap(copy);
    }

    /** The built-in rules of the alert catalog, with the configured escalation limits, apnea and battery. */
    public static AlertThresholds defaults(AlertPolicy policy) {
        Map<ThresholdSetting, Integer> values = new EnumMap<>(ThresholdSetting.class);
        putBands(values, VitalSign.HEART_RATE, VitalBands.HEART_RATE);
        putBands(values, VitalSign.RESPIRATION, VitalBands.RESPIRATION);
        values.put(ThresholdSetting.HIGH_SUSTAIN_SECONDS, 60);
        values.put(ThresholdSetting.MEDIUM_SUSTAIN_SECONDS, 300);
        values.put(ThresholdSetting.APNEA_SECONDS, (int) Math.ceil(policy.apneaSeconds()));
        values.put(ThresholdSetting.NO_TURNING_MINUTES, 120);
        values.put(ThresholdSetting.LOW_BATTERY_PERCENT, policy.lowBatteryPercent());
        values.put(ThresholdSetting.ACK_CRITICAL_SECONDS, (int) policy.ackCritical().toSeconds());
        values.put(ThresholdSetting.ACK_HIGH_SECONDS, (int) policy.ackHigh().toSeconds());
        values.put(ThresholdSetting.ACK_MEDIUM_SECONDS, (int) policy.ackMedium().toSeconds());
        values.put(ThresholdSetting.ACK_LOW_SECONDS, (int) policy.ackLow().toSeconds());
        return new AlertThresholds(values);
    }

    /** These thresholds with an override's values on top (a more specific scope wins); these when it is empty. */
    public AlertThresholds with(Map<ThresholdSetting, Integer> override) {
        if (override.isEmpty()) {
            return this; // the common case, resolved for every bed of every ingest batch: no copy
        }
        Map<ThresholdSetting, Integer> merged = new EnumMap<>(values);
        merged.putAll(override);
        return new AlertThresholds(merged);
    }

    /** What is wrong with these values; empty when they can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        values.forEach((setting, value) -> {
            if (!setting.allows(value)) {
                problems.add(setting.fieldName() + " must be within " + setting.min() + ".." + setting.max()
                        + ", got " + value);
            }
        });
        problems.addAll(heartRate().problems("heart rate"));
        problems.addAll(respiration().problems("respiration"));
        if (highSustain().compareTo(mediumSustain()) > 0) {
            problems.add("highSustainSeconds must not exceed mediumSustainSeconds");
        }
        return problems;
    }

    public int get(ThresholdSetting setting) {
        return values.get(setting);
    }

    public VitalBands heartRate() {
        return new VitalBands(get(ThresholdSetting.HEART_RATE_HIGH_BELOW), get(ThresholdSetting.HEART_RATE_MEDIUM_BELOW),
                get(ThresholdSetting.HEART_RATE_MEDIUM_ABOVE), get(ThresholdSetting.HEART_RATE_HIGH_ABOVE));
    }

    public VitalBands respiration() {
        return new VitalBands(get(ThresholdSetting.RESPIRATION_HIGH_BELOW),
                get(ThresholdSetting.RESPIRATION_MEDIUM_BELOW), get(ThresholdSetting.RESPIRATION_MEDIUM_ABOVE),
                get(ThresholdSetting.RESPIRATION_HIGH_ABOVE));
    }

    public VitalBands bands(VitalSign sign) {
        return sign == VitalSign.HEART_RATE ? heartRate() : respiration();
    }

    /** How long a reading must stay in a band for its alert: HIGH 1 min, MEDIUM 5 min by default. */
    public Duration sustain(Severity severity) {
        return severity == Severity.HIGH ? highSustain() : mediumSustain();
    }

    public Duration highSustain() {
        return Duration.ofSeconds(get(ThresholdSetting.HIGH_SUSTAIN_SECONDS));
    }

    public Duration mediumSustain() {
        return Duration.ofSeconds(get(ThresholdSetting.MEDIUM_SUSTAIN_SECONDS));
    }

    /** The shorter of the two sustain times: no run shorter than this can complete an episode. */
    public Duration shortestSustain() {
        Duration high = highSustain();
        Duration medium = mediumSustain();
        return high.compareTo(medium) <= 0 ? high : medium;
    }

    /** The longer of the two sustain times: the furthest back a run completing now can have begun. */
    public Duration longestSustain() {
        Duration high = highSustain();
        Duration medium = mediumSustain();
        return high.compareTo(medium) >= 0 ? high : medium;
    }

    public int apneaSeconds() {
        return get(ThresholdSetting.APNEA_SECONDS);
    }

    public Duration noTurning() {
        return Duration.ofMinutes(get(ThresholdSetting.NO_TURNING_MINUTES));
    }

    public int lowBatteryPercent() {
        return get(ThresholdSetting.LOW_BATTERY_PERCENT);
    }

    public Duration ackLimit(Severity severity) {
        return Duration.ofSeconds(get(switch (severity) {
            case CRITICAL -> ThresholdSetting.ACK_CRITICAL_SECONDS;
            case HIGH -> ThresholdSetting.ACK_HIGH_SECONDS;
            case MEDIUM -> ThresholdSetting.ACK_MEDIUM_SECONDS;
            case LOW -> ThresholdSetting.ACK_LOW_SECONDS;
        }));
    }

    private static void putBands(Map<ThresholdSetting, Integer> values, VitalSign sign, VitalBands bands) {
        String prefix = sign.name() + "_";
        values.put(ThresholdSetting.valueOf(prefix + "HIGH_BELOW"), bands.highBelow());
        values.put(ThresholdSetting.valueOf(prefix + "MEDIUM_BELOW"), bands.mediumBelow());
        values.put(ThresholdSetting.valueOf(prefix + "MEDIUM_ABOVE"), bands.mediumAbove());
        values.put(ThresholdSetting.valueOf(prefix + "HIGH_ABOVE"), bands.highAbove());
    }
}
