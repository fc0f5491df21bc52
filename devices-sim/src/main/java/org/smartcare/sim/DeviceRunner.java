package org.smartcare.sim;

import java.util.List;
import java.util.function.LongSupplier;

/** Drives one device: its model's emissions go through fault injection to its channel, and are counted. */
final class DeviceRunner {

    private final DeviceModel model;
    private final DeviceChannel channel;
    private final FaultInjector faults;
    private final RunStats stats;
    private final LongSupplier reconnectDelay;
    private long reconnectAt = Long.MAX_VALUE;

    /** @param reconnectDelay simulated milliseconds from an injected drop to the reconnect */
    DeviceRunner(DeviceModel model, DeviceChannel channel, FaultInjector faults, RunStats stats, LongSupplier reconnectDelay) {
        this.model = model;
        this.channel = channel;
        this.faults = faults;
        this.stats = stats;
        this.reconnectDelay = reconnectDelay;
    }

    DeviceModel model() {
        return model;
    }

    DeviceChannel channel() {
        return channel;
    }

    long nextAt() {
        return Math.min(model.nextAt(), reconnectAt);
    }

    void advance(long now) {
        if (now >= reconnectAt) {
            reconnect(now);
            return;
        }
        handle(model.advance(now), now);
    }

    /** End of run: reconnect if dropped, send anything held back, shut down cleanly. */
    void finish(long now) {
        if (reconnectAt != Long.MAX_VALUE) {
            reconnect(now);
        }
        flush();
        handle(model.finish(now), now);
    }

    private void reconnect(long now) {
        reconnectAt = Long.MAX_VALUE;
        handle(List.of(model.reconnect(now)), now);
    }

    private void handle(List<Emission> emissions, long now) {
        for (Emission emission : emissions) {
            switch (emission) {
                case Emission.Connect c -> {
                    FaultInjector.Copy status = new FaultInjector.Copy(c.status(), FaultInjector.Role.ORIGINAL);
                    stats.handedOff(status);
                    channel.connect(c.will(), status);
                }
                case Emission.Send s -> send(s.message(), now);
                case Emission.Shutdown s -> {
                    if (reconnectAt != Long.MAX_VALUE) {
                        reconnect(now);
                    }
                    flush();
                    FaultInjector.Copy status = new FaultInjector.Copy(s.status(), FaultInjector.Role.ORIGINAL);
                    stats.handedOff(status);
                    channel.shutdown(status);
                }
            }
        }
    }

    private void send(Outgoing message, long now) {
        for (FaultInjector.Copy copy : faults.apply(message)) {
            stats.handedOff(copy);
            channel.send(copy);
        }
        if (faults.releasedLate()) {
            stats.outOfOrder();
        }
        if (channel.canDrop() && reconnectAt == Long.MAX_VALUE && faults.dropNow()) {
            stats.disconnect();
            channel.drop();
            reconnectAt = now + reconnectDelay.getAsLong();
        }
    }

    private void flush() {
        for (FaultInjector.Copy copy : faults.flush()) {
            stats.handedOff(copy);
            channel.send(copy);
        }
    }
}
