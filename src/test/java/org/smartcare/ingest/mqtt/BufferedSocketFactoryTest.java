package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferedSocketFactoryTest {

    @Test
    void everyByteArrivesThroughOneBufferHoweverOftenTheStreamIsAskedFor() throws Exception {
        byte[] sent = new byte[3 * BufferedSocketFactory.BUFFER_BYTES + 17];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31);
        }
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new BufferedSocketFactory(new ReceiveGate(() -> 0, 100, 1_000), () -> { }, () -> { })
                     .createSocket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2_000);
            try (Socket peer = server.accept(); OutputStream out = peer.getOutputStream()) {
                out.write(sent);
                out.flush();
                assertInstanceOf(BufferedInputStream.class, client.getInputStream());
                DataInputStream first = new DataInputStream(client.getInputStream());
                byte[] received = new byte[sent.length];
                received[0] = first.readByte(); // as Paho reads a fixed header: one byte
                assertSame(client.getInputStream(), client.getInputStream());
                new DataInputStream(client.getInputStream()).readFully(received, 1, received.length - 1);
                assertArrayEquals(sent, received);
                assertEquals(0, client.getInputStream().available());
            }
        }
    }

    @Test
    void eachFlushOfTheOutputIsReportedAsAPacketWrittenAndTheBytesArriveUnchanged() throws Exception {
        AtomicInteger packets = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket client = new BufferedSocketFactory(new ReceiveGate(() -> 0, 100, 1_000), () -> { },
                     packets::incrementAndGet).createSocket()) {
            client.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2_000);
            try (Socket peer = server.accept()) {
                assertSame(client.getOutputStream(), client.getOutputStream());
                OutputStream out = new java.io.BufferedOutputStream(client.getOutputStream()); // as Paho writes
                byte[] puback = {0x40, 0x02, 0x00, 0x07};
                for (int i = 0; i < 3; i++) {
                    out.write(puback);
                    out.flush();
                }
                assertEquals(3, packets.get());
                byte[] received = new DataInputStream(peer.getInputStream()).readNBytes(12);
                assertArrayEquals(new byte[] {0x40, 2, 0, 7, 0x40, 2, 0, 7, 0x40, 2, 0, 7}, received);
            }
        }
    }

    @Test
    void availableIsAnsweredFromTheBufferWithoutAskingTheSocket() throws Exception {
        AtomicInteger socketAsked = new AtomicInteger();
        FilterInputStream socket = new FilterInputStream(new ByteArrayInputStream(new byte[100])) {
            @Override
            public int available() throws IOException {
                socketAsked.incrementAndGet();
                return super.available();
            }
        };
        BufferedSocketFactory.SocketBuffer buffer = new BufferedSocketFactory.SocketBuffer(socket);
        assertEquals(100, buffer.available()); // nothing buffered yet: the socket answers
        assertEquals(1, socketAsked.get());
        buffer.read();
        assertEquals(99, buffer.available());
        buffer.readNBytes(98);
        assertEquals(1, buffer.available());
        assertEquals(1, socketAsked.get());
        buffer.read();
        assertEquals(0, buffer.available());
        assertEquals(2, socketAsked.get());
    }
}
