package org.smartcare.care;

/** GB/T 42195-2022 elder ability levels, from 能力完好 to 完全失能. */
public enum AbilityLevel {
    INTACT, MILD_LOSS, MODERATE_LOSS, SEVERE_LOSS, COMPLETE_LOSS
}
