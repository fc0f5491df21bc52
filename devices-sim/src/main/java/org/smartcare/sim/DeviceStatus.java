package org.smartcare.sim;

/**
 * The body of a {@code status.v1} message. battery, signal and firmware are optional ({@code null}).
 */
public record DeviceStatus(boolean online, Reason reason, Integer battery, Integer signal, String firmware) {

    /** Why a status was sent. */
    public enum Reason {
        CONNECT, WILL, SHUTDOWN, HEARTBEAT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static DeviceStatus connected(Integer battery, Integer signal, String firmware) {
        return new DeviceStatus(true, Reason.CONNECT, battery, signal, firmware);
    }

    /** The Last Will: exactly {@code online:false, reason:"will"}, nothing else. */
    public static DeviceStatus will() {
        return new DeviceStatus(false, Reason.WILL, null, null, null);
    }

    public static DeviceStatus shutdown() {
        return new DeviceStatus(false, Reason.SHUTDOWN, null, null, null);
    }
}
