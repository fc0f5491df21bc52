package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferedSocketsTest {

    @Test
    void acknowledgementsArriveWholeThroughTheSocketsOneBuffer() throws Exception {
        byte[] pubacks = new byte[4 * 5000]; // 5,000 four-byte PUBACKs, more than one buffer's worth
        for (int i = 0; i < pubacks.length; i += 4) {
            pubacks[i] = 0x40;
            pubacks[i + 1] = 2;
            pubacks[i + 2] = (byte) (i >> 10);
            pubacks[i + 3] = (byte) i;
        }
        try (ServerSocket broker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket link = new BufferedSockets().createSocket(InetAddress.getLoopbackAddress(), broker.getLocalPort());
             Socket accepted = broker.accept(); OutputStream out = accepted.getOutputStream()) {
            out.write(pubacks);
            out.flush();
            InputStream in = link.getInputStream();
            assertSame(in, link.getInputStream());
            byte[] received = new byte[pubacks.length];
            new DataInputStream(in).readFully(received);
            assertArrayEquals(pubacks, received);
        }
    }

    @Test
    void availableCountsTheBufferWithoutAskingTheSocket() throws Exception {
        AtomicInteger socketAsked = new AtomicInteger();
        InputStream socket = new FilterInputStream(new ByteArrayInputStream(new byte[8])) {
            @Override
            public int available() throws java.io.IOException {
                socketAsked.incrementAndGet();
                return super.available();
            }
        };
        BufferedSockets.CountFromBuffer buffer = new BufferedSockets.CountFromBuffer(socket);
        buffer.read();
        assertEquals(7, buffer.available());
        assertEquals(0, socketAsked.get());
        buffer.readNBytes(7);
        assertEquals(0, buffer.available());
        assertEquals(1, socketAsked.get());
    }
}
