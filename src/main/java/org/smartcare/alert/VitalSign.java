package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;

/** The vital signs a bed sensor measures that have sustained-range rules, each with its two rules. */
public enum VitalSign {
    HEART_RATE(AlertKind.HEART_RATE, RuleId.HEART_RATE_HIGH, RuleId.HEART_RATE_MEDIUM),
    RESPIRATION(AlertKind.RESPIRATION, RuleId.RESPIRATION_HIGH, RuleId.RESPIRATION_MEDIUM);

    private final AlertKind kind;
    private final RuleId highRule;
    private final RuleId mediumRule;

    VitalSign(AlertKind kind, RuleId highRule, RuleId mediumRule) {
        this.kind = kind;
        this.highRule = highRule;
        this.mediumRule = mediumRule;
    }

    public AlertKind kind() {
        return kind;
    }

    public RuleId rule(Severity severity) {
        return severity == Severity.HIGH ? highRule : mediumRule;
    }

    /** The reading of this sign in a sample, null when not measured. */
    @Nullable Integer of(VitalsReading reading) {
        return this == HEART_RATE ? reading.heartRate() : reading.respirationRate();
    }

}
