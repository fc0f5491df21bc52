package org.smartcare.alert;

import org.smartcare.device.Device;

/** The same thresholds everywhere, for rules tested without a database. */
record FixedThresholds(AlertThresholds thresholds) implements ThresholdLookup {

    @Override
    public AlertThresholds forDevice(Device device) {
        return thresholds;
    }

    @Override
    public AlertThresholds forScope(String tenantId, Long institutionId, Long elderId) {
        return thresholds;
    }
}
