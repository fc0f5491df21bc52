package org.smartcare.sim;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.mqtt.MqttConnAckMessage;
import io.netty.handler.codec.mqtt.MqttConnectMessage;
import io.netty.handler.codec.mqtt.MqttDecoder;
import io.netty.handler.codec.mqtt.MqttEncoder;
import io.netty.handler.codec.mqtt.MqttMessage;
import io.netty.handler.codec.mqtt.MqttMessageBuilders;
import io.netty.handler.codec.mqtt.MqttMessageIdVariableHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttProperties;
import io.netty.handler.codec.mqtt.MqttPubReplyMessageVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import io.netty.handler.codec.mqtt.MqttReasonCodes;
import io.netty.handler.codec.mqtt.MqttVersion;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A {@link Link} that costs its generator little per message, for the few privileged connections of load
 * runs. Callers only add to a queue; the {@link PublishLoop}'s thread writes what queued up every linger, and
 * again whenever PUBACKs free the window, as one gathered write, and reads PUBACKs as many as arrived at a
 * time. {@link PahoLink} writes and flushes every packet and hands every acknowledgement from its receiver
 * thread to its callback thread: in the city runs the simulator's Paho threads took half of the machine's
 * two cores, competing with the system it loads. The broker sees the same packets: MQTT 5, QoS 1, JSON
 * payload format and content type. A lost connection fails what was in flight (the summary counts it) and
 * reconnects after a second; what is queued waits.
 */
final class BatchingLink implements Link {

    private enum State { IDLE, CONNECTING, UP, FAILED }

    private static final int MAX_CONNECT_ATTEMPTS = 3;
    private static final int KEEP_ALIVE_S = 60;
    /** A PINGREQ after this long without a write keeps the broker from ending a quiet connection. */
    private static final long PING_AFTER_NANOS = KEEP_ALIVE_S / 2 * 1_000_000_000L;
    private static final MqttProperties JSON_PAYLOAD = jsonProperties();

    private final Settings settings;
    private final PublishLoop loop;
    private final Listener listener;
    private final String host;
    private final int port;
    private final Queue<Publish> queued = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queuedCount = new AtomicInteger();

    private volatile State state = State.IDLE;
    private volatile Supplier<Publish> source;

    // Everything below is touched on the loop's thread only.
    private final Map<Integer, Publish> inflight = new HashMap<>();
    private Channel channel;
    private boolean acknowledgedConnect;
    private int attempt;
    private int window;
    private int nextPacketId = 1;
    private long lastWriteNanos;
    private Publish first;
    private String willTopic;
    private byte[] will;
    private boolean closeRequested;
    private CompletableFuture<Void> closed;

    BatchingLink(Settings settings, PublishLoop loop, Listener listener) {
        this.settings = settings;
        this.loop = loop;
        this.listener = listener;
        URI uri = URI.create(settings.brokerUrl());
        if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("broker URL must be tcp://host[:port]: " + settings.brokerUrl());
        }
        this.host = uri.getHost();
        this.port = uri.getPort() < 0 ? 1883 : uri.getPort();
        this.window = settings.window();
    }

    @Override
    public String clientId() {
        return settings.clientId();
    }

    @Override
    public boolean failed() {
        return state == State.FAILED;
    }

    @Override
    public void source(Supplier<Publish> next) {
        this.source = next;
    }

    @Override
    public void connect(String topic, byte[] willPayload, Publish firstPublish) {
        state = State.CONNECTING;
        loop.register(this);
        loop.execute(() -> {
            willTopic = topic;
            will = willPayload;
            first = firstPublish;
            open(1);
        });
    }

    @Override
    public void send(Publish publish) {
        if (state == State.FAILED) {
            listener.completed(publish, PublishResult.failed("not connected"));
            return;
        }
        if (queuedCount.incrementAndGet() > settings.maxPending()) {
            queuedCount.decrementAndGet();
            listener.completed(publish, PublishResult.failed("dropped: " + settings.maxPending()
                    + " publishes already waiting (the broker acknowledges more slowly than the simulation generates)"));
            return;
        }
        queued.add(publish);
        if (state == State.FAILED) {
            // The link failed for good between the check above and the queueing: nothing will send it.
            loop.execute(() -> failQueued("not connected"));
        }
    }

    @Override
    public CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (state == State.FAILED || state == State.IDLE) {
                failQueued("never connected");
                done.complete(null);
                return;
            }
            closeRequested = true;
            closed = done;
            drain();
        });
        return done;
    }

    @Override
    public void release() {
        loop.unregister(this);
        loop.execute(() -> {
            Channel ch = channel;
            channel = null;
            if (ch != null) {
                ch.close();
            }
        });
    }

    /** Sends what the window allows as one write; on the loop's thread (its timer, a read, a close). */
    void drain() {
        Channel ch = channel;
        if (state != State.UP || ch == null) {
            return;
        }
        boolean wrote = false;
        while (inflight.size() < window) {
            Publish p = nextToSend();
            if (p == null) {
                break;
            }
            int id = packetId();
            inflight.put(id, p);
            ch.write(MqttMessageBuilders.publish().topicName(p.topic()).retained(p.retained())
                    .qos(MqttQoS.AT_LEAST_ONCE).messageId(id).properties(JSON_PAYLOAD)
                    .payload(Unpooled.wrappedBuffer(p.payload())).build(), ch.voidPromise());
            wrote = true;
        }
        if (!wrote && System.nanoTime() - lastWriteNanos > PING_AFTER_NANOS) {
            ch.write(MqttMessage.PINGREQ, ch.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ch.flush();
            lastWriteNanos = System.nanoTime();
        }
        if (closeRequested && inflight.isEmpty() && first == null && queued.isEmpty()) {
            disconnect(ch);
        }
    }

    private Publish nextToSend() {
        if (first != null) {
            Publish p = first;
            first = null;
            return p;
        }
        Publish p = queued.poll();
        if (p != null) {
            queuedCount.decrementAndGet();
            return p;
        }
        Supplier<Publish> s = source;
        return s == null || closeRequested ? null : s.get();
    }

    /** The next packet identifier (1-65535) not awaiting a PUBACK; the window keeps one free. */
    private int packetId() {
        while (inflight.containsKey(nextPacketId)) {
            nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
        }
        int id = nextPacketId;
        nextPacketId = nextPacketId == 65_535 ? 1 : nextPacketId + 1;
        return id;
    }

    private void open(int attemptNumber) {
        attempt = attemptNumber;
        acknowledgedConnect = false;
        state = State.CONNECTING;
        ChannelFuture connecting = loop.bootstrap(settings.timeoutS() * 1000).handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                ch.pipeline().addLast(new MqttDecoder(), MqttEncoder.INSTANCE, new Replies());
            }
        }).connect(host, port);
        connecting.addListener((ChannelFuture f) -> {
            if (!f.isSuccess()) {
                attemptFailed(String.valueOf(f.cause().getMessage()), false);
                return;
            }
            Channel ch = f.channel();
            channel = ch;
            ch.writeAndFlush(connectMessage());
            loop.schedule(() -> {
                if (channel == ch && !acknowledgedConnect) {
                    channel = null;
                    ch.close();
                    attemptFailed("no CONNACK within " + settings.timeoutS() + " s", false);
                }
            }, settings.timeoutS() * 1000L);
        });
    }

    private MqttConnectMessage connectMessage() {
        MqttMessageBuilders.ConnectBuilder connect = MqttMessageBuilders.connect().protocolVersion(MqttVersion.MQTT_5)
                .clientId(settings.clientId()).cleanSession(true).keepAlive(KEEP_ALIVE_S)
                .hasUser(true).username(settings.username())
                .hasPassword(true).password(settings.password().getBytes(StandardCharsets.UTF_8));
        if (will != null) {
            connect.willFlag(true).willQoS(MqttQoS.AT_LEAST_ONCE).willRetain(true).willTopic(willTopic)
                    .willMessage(will).willProperties(JSON_PAYLOAD);
        }
        return connect.build();
    }

    private void connAck(Channel ch, MqttConnAckMessage ack) {
        int code = ack.variableHeader().connectReturnCode().byteValue() & 0xFF;
        if (code != 0) {
            channel = null;
            ch.close();
            // 0x04/0x05 are MQTT 3's answers to a bad login; 0x85-0x87 MQTT 5's.
            boolean auth = code == 0x04 || code == 0x05 || (code >= 0x85 && code <= 0x87);
            attemptFailed("refused " + ReasonCodes.describe(code), auth);
            return;
        }
        acknowledgedConnect = true;
        lastWriteNanos = System.nanoTime();
        MqttProperties.MqttProperty<?> receiveMaximum = ack.variableHeader().properties()
                .getProperty(MqttProperties.MqttPropertyType.RECEIVE_MAXIMUM.value());
        window = receiveMaximum == null ? settings.window()
                : Math.min(settings.window(), (Integer) receiveMaximum.value());
        state = State.UP;
        listener.connected(this);
        drain();
    }

    private void pubAck(MqttMessage ack) {
        Object header = ack.variableHeader();
        int code = header instanceof MqttPubReplyMessageVariableHeader reply ? reply.reasonCode() & 0xFF : 0;
        Publish p = inflight.remove(((MqttMessageIdVariableHeader) header).messageId());
        if (p != null) {
            listener.completed(p, PublishResult.fromPubAck(code));
        }
    }

    private void attemptFailed(String detail, boolean auth) {
        if (!auth && attempt < MAX_CONNECT_ATTEMPTS) {
            int next = attempt + 1;
            loop.schedule(() -> open(next), 1000L * attempt);
            return;
        }
        state = State.FAILED;
        listener.connectFailed(this, detail);
        failQueued("connect: " + detail);
        loop.unregister(this);
        completeClose();
    }

    /** The connection ended under us: what was in flight has no answer; reconnect, or finish a close. */
    private void lost(Channel ch, String detail) {
        if (ch != channel) {
            return;
        }
        channel = null;
        failInflight("connection lost: " + detail);
        if (!acknowledgedConnect) {
            attemptFailed("connection closed before CONNACK", false);
        } else if (closeRequested) {
            state = State.IDLE;
            failQueued("closed while disconnected");
            completeClose();
        } else {
            state = State.CONNECTING;
            loop.schedule(() -> open(1), 1000);
        }
    }

    private void disconnect(Channel ch) {
        channel = null;
        state = State.IDLE;
        closeRequested = false;
        loop.unregister(this);
        ch.writeAndFlush(MqttMessageBuilders.disconnect().reasonCode(MqttReasonCodes.Disconnect.NORMAL_DISCONNECT.byteValue())
                .build()).addListener(ChannelFutureListener.CLOSE);
        completeClose();
    }

    private void failInflight(String detail) {
        List<Publish> lost = new ArrayList<>(inflight.values());
        inflight.clear();
        lost.forEach(p -> listener.completed(p, PublishResult.failed(detail)));
    }

    private void failQueued(String detail) {
        List<Publish> lost = new ArrayList<>();
        if (first != null) {
            lost.add(first);
            first = null;
        }
        for (Publish p; (p = queued.poll()) != null; ) {
            queuedCount.decrementAndGet();
            lost.add(p);
        }
        lost.forEach(p -> listener.completed(p, PublishResult.failed(detail)));
    }

    private void completeClose() {
        CompletableFuture<Void> done = closed;
        closed = null;
        if (done != null) {
            done.complete(null);
        }
    }

    private static MqttProperties jsonProperties() {
        MqttProperties properties = new MqttProperties();
        properties.add(new MqttProperties.IntegerProperty(
                MqttProperties.MqttPropertyType.PAYLOAD_FORMAT_INDICATOR.value(), 1));
        properties.add(new MqttProperties.StringProperty(
                MqttProperties.MqttPropertyType.CONTENT_TYPE.value(), "application/json"));
        return properties;
    }

    /** CONNACK, PUBACK and PINGRESP from the broker; it sends nothing else to a client that subscribes to nothing. */
    private final class Replies extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (!(msg instanceof MqttMessage message) || message.decoderResult().isFailure()) {
                    lost(ctx.channel(), "undecodable packet from the broker");
                    ctx.close();
                    return;
                }
                MqttMessageType type = message.fixedHeader().messageType();
                if (type == MqttMessageType.CONNACK && ctx.channel() == channel) {
                    connAck(ctx.channel(), (MqttConnAckMessage) message);
                } else if (type == MqttMessageType.PUBACK) {
                    pubAck(message);
                } else if (type == MqttMessageType.DISCONNECT) {
                    lost(ctx.channel(), "the broker disconnected: " + message.variableHeader());
                    ctx.close();
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            drain();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            lost(ctx.channel(), "socket closed");
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            lost(ctx.channel(), String.valueOf(cause.getMessage()));
            ctx.close();
        }
    }
}
