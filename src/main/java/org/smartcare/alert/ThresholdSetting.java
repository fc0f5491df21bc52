package org.smartcare.alert;

import java.util.Locale;

/**
 * Every alert threshold a tenant, an institution or an elder may set, with its allowed range. The names are
 * stable: the database column is the lower-case name, the API field its camel-case form.
 */
public enum ThresholdSetting {
    HEART_RATE_HIGH_BELOW(0, 300),
    HEART_RATE_MEDIUM_BELOW(0, 300),
    HEART_RATE_MEDIUM_ABOVE(0, 300),
    HEART_RATE_HIGH_ABOVE(0, 300),
    RESPIRATION_HIGH_BELOW(0, 100),
    RESPIRATION_MEDIUM_BELOW(0, 100),
    RESPIRATION_MEDIUM_ABOVE(0, 100),
    RESPIRATION_HIGH_ABOVE(0, 100),
    HIGH_SUSTAIN_SECONDS(10, 3_600),
    MEDIUM_SUSTAIN_SECONDS(10, 3_600),
    APNEA_SECONDS(5, 300),
    NO_TURNING_MINUTES(15, 1_440),
    LOW_BATTERY_PERCENT(1, 99),
    ACK_CRITICAL_SECONDS(10, 86_400),
    ACK_HIGH_SECONDS(10, 86_400),
    ACK_MEDIUM_SECONDS(10, 86_400),
    ACK_LOW_SECONDS(10, 604_800);

    private final int min;
    private final int max;

    ThresholdSetting(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The camel-case name the API uses, e.g. heartRateHighBelow. */
    public String fieldName() {
        StringBuilder name = new StringBuilder();
        for (String word : column().split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    boolean allows(int value) {
        return value >= min && value <= max;
    }
}
