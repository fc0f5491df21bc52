package org.smartcare.device;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Folds a batch's status messages into one change per device, as applying them one by one in device-time order
 * would leave the device: the newest (by device time, then sequence number) decides online and reason, older
 * ones fill in a battery, signal or firmware the newest does not report, and last seen is the latest receipt.
 * A Last Will carries the time and an earlier sequence number of the connection it ends (it is fixed at connect
 * time, see status.v1.schema.json), yet the broker sends it after everything else of that connection: among
 * statuses of the same time it comes last. Pure: the database then applies one row per device in a single statement.
 */
final class StatusMerge {

    private static final Comparator<StatusChange> DEVICE_ORDER = Comparator.comparing(StatusChange::statusTs)
            .thenComparing(StatusMerge::isWill).thenComparingLong(StatusChange::seq);

    private StatusMerge() {
    }

    /** One change per device, ordered by device id (the lock order of every device_state writer). */
    static List<StatusChange> newestPerDevice(List<StatusChange> changes) {
        List<StatusChange> sorted = new ArrayList<>(changes);
        sorted.sort(Comparator.comparing(StatusChange::deviceId).thenComparing(DEVICE_ORDER));
        List<StatusChange> merged = new ArrayList<>();
        for (StatusChange change : sorted) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).deviceId().equals(change.deviceId())) {
                merged.set(last, fold(merged.get(last), change));
            } else {
                merged.add(change);
            }
        }
        return merged;
    }

    private static boolean isWill(StatusChange change) {
        return !change.online() && "will".equals(change.reason());
    }

    /** {@code newer} is the later in device time: its reports win, the older one's fill the gaps. */
    private static StatusChange fold(StatusChange older, StatusChange newer) {
        return new StatusChange(newer.deviceId(), newer.seq(), newer.online(), newer.reason(), newer.statusTs(),
                newer.receivedAt().isAfter(older.receivedAt()) ? newer.receivedAt() : older.receivedAt(),
                newer.battery() != null ? newer.battery() : older.battery(),
                newer.signalDbm() != null ? newer.signalDbm() : older.signalDbm(),
                newer.firmware() != null ? newer.firmware() : older.firmware());
    }
}
