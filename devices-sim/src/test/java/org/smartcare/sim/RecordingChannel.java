package org.smartcare.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A device channel that records what would go to the broker, for simulations without one. */
final class RecordingChannel implements DeviceChannel {

    /** One thing the device did: a publish (copy), a connect with its will, a drop or a shutdown. */
    record Entry(String what, FaultInjector.Copy copy, byte[] will) {
    }

    final List<Entry> entries = new ArrayList<>();

    @Override
    public void connect(byte[] will, FaultInjector.Copy status) {
        entries.add(new Entry("connect", status, will));
    }

    @Override
    public void send(FaultInjector.Copy copy) {
        entries.add(new Entry("send", copy, null));
    }

    @Override
    public boolean canDrop() {
        return true;
    }

    @Override
    public void drop() {
        entries.add(new Entry("drop", null, null));
    }

    @Override
    public void shutdown(FaultInjector.Copy status) {
        entries.add(new Entry("shutdown", status, null));
    }

    @Override
    public CompletableFuture<Void> close() {
        return CompletableFuture.completedFuture(null);
    }

    /** Every copy published, in order, status messages included. */
    List<FaultInjector.Copy> published() {
        return entries.stream().filter(e -> e.copy() != null).map(Entry::copy).toList();
    }
}
