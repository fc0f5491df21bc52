package org.smartcare.alert;

import io.micronaut.core.annotation.Nullable;
import org.smartcare.device.Device;

/** Which thresholds are in force for a device, or for an elder / institution / tenant. */
public interface ThresholdLookup {

    /** The thresholds of the device's elder, else its institution, else its tenant, else the defaults. */
    AlertThresholds forDevice(Device device);

    AlertThresholds forScope(String tenantId, @Nullable Long institutionId, @Nullable Long elderId);
}
