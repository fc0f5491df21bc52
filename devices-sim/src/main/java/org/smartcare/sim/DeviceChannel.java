package org.smartcare.sim;

import java.util.concurrent.CompletableFuture;

/** How one simulated device reaches the broker: its own connection, or a shared one in load tests. */
interface DeviceChannel {

    /** Go online: connect with {@code will} as Last Will where possible, then publish {@code status} first. */
    void connect(byte[] will, FaultInjector.Copy status);

    void send(FaultInjector.Copy copy);

    /** Whether {@link #drop()} makes the broker publish the device's Last Will. */
    boolean canDrop();

    /** Lose the connection abruptly; queued messages wait for the next {@link #connect}. */
    void drop();

    /** Publish the offline {@code status}, then disconnect cleanly. */
    void shutdown(FaultInjector.Copy status);

    /** End of run: send what is queued and disconnect; completes when done. */
    CompletableFuture<Void> close();
}
