package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;

/**
 * What orders, elders, devices and alerts show for a region over the period an indicator looks at.
 *
 * @param coveredElders elders of {@code callEligibleElders} with a working SOS button; null when not known for
 *                      the date asked (device online state is kept as current state only)
 */
public record ServiceFigures(long hardshipElders, long visitedHardshipElders, long assessedAged80Plus,
                             long callEligibleElders, @Nullable Long coveredElders, long emergencyAlerts,
                             long answeredIn60s) {

    public ServiceFigures {
        if (visitedHardshipElders > hardshipElders || answeredIn60s > emergencyAlerts
                || (coveredElders != null && coveredElders > callEligibleElders)) {
            throw new IllegalArgumentException("a part cannot exceed its whole");
        }
    }
}
