package org.smartcare.sim;

import java.util.concurrent.CompletableFuture;

/**
 * A device publishing through a privileged connection shared with other devices (load tests only):
 * no Last Will per device and no disconnect faults, status messages are published as plain retained
 * messages.
 */
final class SharedConnection implements DeviceChannel {

    private final Link link;

    SharedConnection(Link link) {
        this.link = link;
    }

    @Override
    public void connect(byte[] will, FaultInjector.Copy status) {
        send(status);
    }

    @Override
    public void send(FaultInjector.Copy copy) {
        link.send(OwnConnection.publish(copy));
    }

    @Override
    public boolean canDrop() {
        return false;
    }

    @Override
    public void drop() {
        throw new UnsupportedOperationException("a shared connection cannot drop for one device");
    }

    @Override
    public void shutdown(FaultInjector.Copy status) {
        send(status);
    }

    @Override
    public CompletableFuture<Void> close() {
        return CompletableFuture.completedFuture(null);
    }
}
