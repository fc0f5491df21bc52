package org.smartcare.indicator;

/** How an indicator's value reads. */
public enum IndicatorUnit {
    /** Per 1,000 people of the denominator's population. */
    PER_1000,
    /** A share, 0 to 100. */
    PERCENT,
    /** A number of things (institutions, beds, places). */
    COUNT
}
