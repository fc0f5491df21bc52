package org.smartcare.device;

/** Counts of an institution's devices by state. */
public record DeviceHealth(long institutionId, int total, int online, int offline, int neverSeen, int lowBattery) {

    public static DeviceHealth none(long institutionId) {
        return new DeviceHealth(institutionId, 0, 0, 0, 0, 0);
    }
}
