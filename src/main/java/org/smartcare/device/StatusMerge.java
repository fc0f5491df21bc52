package org.smartcare.device;

import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;

/**
 * Folds a batch's status messages into what the database applies, one row per device and statement.
 * <p>
 * Statuses other than a Last Will fold as applying them one by one in device-time order would leave the device:
 * the newest (by device time, then sequence number) decides online and reason, older ones fill in a battery, signal
 * or firmware the newest does not report, last seen is the latest receipt, and the connection time is that of the
 * latest connect.
 * <p>
 * A Last Will is fixed at connect time, so it carries the time and an earlier sequence number of the connection it
 * ends (status.v1.schema.json), yet the broker sends it after everything else of that connection, mid-connection
 * reports included. It cannot be ranked by its time among the others: it ends the connection of its time, unless the
 * device has connected again since. So wills are kept apart, the latest per device, and applied after the rest.
 */
final class StatusMerge {

    private static final Comparator<StatusChange> DEVICE_ORDER =
            Comparator.comparing(StatusChange::statusTs).thenComparingLong(StatusChange::seq);

    private StatusMerge() {
    }

    /** A device's newest status of the batch, and the time of the latest connection it reported, if any. */
    record Newest(StatusChange change, @Nullable Instant connectedTs) {
    }

    /** What a batch does to device_state: both lists hold one entry per device, in device-id order. */
    record Merged(List<Newest> statuses, List<StatusChange> wills) {

        List<String> deviceIds() {
            List<String> ids = new ArrayList<>(statuses.size() + wills.size());
            statuses.forEach(newest -> ids.add(newest.change().deviceId()));
            wills.forEach(will -> ids.add(will.deviceId()));
            return ids.stream().distinct().sorted().toList();
        }
    }

    static Merged merge(List<StatusChange> changes) {
        List<StatusChange> sorted = new ArrayList<>(changes);
        // Device-id order is the lock order of every device_state writer.
        sorted.sort(Comparator.comparing(StatusChange::deviceId).thenComparing(DEVICE_ORDER));
        List<Newest> statuses = new ArrayList<>();
        List<StatusChange> wills = new ArrayList<>();
        for (StatusChange change : sorted) {
            if (isWill(change)) {
                foldInto(wills, change, StatusChange::deviceId, StatusMerge::fold);
            } else {
                foldInto(statuses, new Newest(change, isConnect(change) ? change.statusTs() : null),
                        newest -> newest.change().deviceId(), StatusMerge::fold);
            }
        }
        return new Merged(statuses, wills);
    }

    private static boolean isWill(StatusChange change) {
        return !change.online() && "will".equals(change.reason());
    }

    /** An online status that is not a report within a connection opens one. */
    private static boolean isConnect(StatusChange change) {
        return change.online() && !"heartbeat".equals(change.reason());
    }

    /** Folds {@code item} into the list's last entry if that is of the same device (the list is in device order). */
    private static <T> void foldInto(List<T> folded, T item, Function<T, String> deviceId, BinaryOperator<T> fold) {
        int last = folded.size() - 1;
        if (last >= 0 && deviceId.apply(folded.get(last)).equals(deviceId.apply(item))) {
            folded.set(last, fold.apply(folded.get(last), item));
        } else {
            folded.add(item);
        }
    }

    private static Newest fold(Newest older, Newest newer) {
        return new Newest(fold(older.change(), newer.change()),
                newer.connectedTs() != null ? newer.connectedTs() : older.connectedTs());
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
