package org.smartcare.sim;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one thread behind every {@link BatchingLink} of a run. Publishers only queue; every {@code linger}
 * this loop sends what each link has queued as one write, so the city's thousands of publishes a second
 * cost a few hundred wake-ups, not one or more thread hand-offs each.
 */
final class PublishLoop implements AutoCloseable {

    /** Long enough to gather several publishes per write at city rates, short against the 1 s lag target. */
    static final Duration DEFAULT_LINGER = Duration.ofMillis(5);

    private final MultiThreadIoEventLoopGroup group;
    private final EventLoop loop;
    /** Touched on the loop's thread only. */
    private final List<BatchingLink> links = new ArrayList<>();

    PublishLoop(Duration linger) {
        group = new MultiThreadIoEventLoopGroup(1, Thread.ofPlatform().name("publish-loop").daemon().factory(),
                NioIoHandler.newFactory());
        loop = group.next();
        long nanos = Math.max(100_000, linger.toNanos());
        loop.scheduleAtFixedRate(() -> links.forEach(BatchingLink::drain), nanos, nanos, TimeUnit.NANOSECONDS);
    }

    /** Writes are gathered by the loop already; Nagle's delay would only add to it. */
    Bootstrap bootstrap(int connectTimeoutMs) {
        return new Bootstrap().group(loop).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMs);
    }

    void execute(Runnable task) {
        loop.execute(task);
    }

    void schedule(Runnable task, long delayMs) {
        loop.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    void register(BatchingLink link) {
        loop.execute(() -> links.add(link));
    }

    void unregister(BatchingLink link) {
        loop.execute(() -> links.remove(link));
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
