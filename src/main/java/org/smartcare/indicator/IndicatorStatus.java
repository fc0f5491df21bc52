package org.smartcare.indicator;

/** Where an indicator stands against its plan target. */
public enum IndicatorStatus {
    /** The target is reached. */
    MET,
    /** Not reached, but at least where a straight line from the baseline to the target says it should be by now. */
    ON_TRACK,
    /** Behind that line, or the target year is over. */
    BEHIND
}
