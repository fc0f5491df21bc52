package org.smartcare.sim;

import java.util.concurrent.CompletableFuture;

/** A device on its own connection, logged in with its own credentials: what a real device does. */
final class OwnConnection implements DeviceChannel {

    private final PahoLink link;
    private final String statusTopic;

    OwnConnection(PahoLink link, String deviceId) {
        this.link = link;
        this.statusTopic = Topics.of(deviceId, Topics.STATUS);
    }

    static Link.Publish publish(FaultInjector.Copy copy) {
        Outgoing m = copy.message();
        return new Link.Publish(m.topic(), m.payload(), m.retained(), copy);
    }

    @Override
    public void connect(byte[] will, FaultInjector.Copy status) {
        link.connect(statusTopic, will, publish(status));
    }

    @Override
    public void send(FaultInjector.Copy copy) {
        link.send(publish(copy));
    }

    @Override
    public boolean canDrop() {
        return true;
    }

    @Override
    public void drop() {
        link.dropAbruptly();
    }

    @Override
    public void shutdown(FaultInjector.Copy status) {
        link.send(publish(status));
        link.close();
    }

    @Override
    public CompletableFuture<Void> close() {
        return link.close();
    }

    PahoLink link() {
        return link;
    }
}
