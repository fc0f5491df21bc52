package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.IOException;
import java.io.InputStream;

/**
 * Takes the place of Paho 1.2.5's class of this name (pom.xml pins that version, the v5 client's last release).
 * Paho decodes every received packet through this stream, and its own version has no bulk read: {@code readFully}
 * of a packet or a payload then costs a virtual call, and a lock in the {@code ByteArrayInputStream} under it, per
 * byte. That was about a third of the service's CPU per telemetry message (bench/README.md, "Paho's byte-by-byte
 * decoding"). This one passes bulk reads through and counts what they return; same public API, same counts.
 * The other two classes of this package are ours as well, so that none is loaded from Paho's signed jar beside
 * our unsigned ones; the shaded jar leaves Paho's three out (pom.xml), and on a plain classpath ours come first.
 */
public class CountingInputStream extends InputStream {

    private final InputStream in;
    private int counter;

    public CountingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b != -1) {
            counter++;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            counter += n;
        }
        return n;
    }

    public int getCounter() {
        return counter;
    }

    public void resetCounter() {
        counter = 0;
    }
}
