package org.smartcare.ingest.mqtt;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.BooleanSupplier;
import javax.net.SocketFactory;

/**
 * Plain TCP sockets whose input is buffered and gated. Paho reads each packet's fixed header one byte at a time
 * from the socket's own stream, i.e. a few system calls per message; behind a buffer one read takes in many
 * messages. Paho's output is already buffered (one flush per packet), and each flush is reported to the lane as a
 * packet written ({@link AckWindow}). Below the buffer, the lane's {@link ReceiveGate} decides when the socket may be
 * read, and each read first runs the lane's set-up for the thread that reads (Paho's receiver, which is not ours to
 * create).
 */
final class BufferedSocketFactory extends SocketFactory {

    static final int BUFFER_BYTES = 64 * 1024;

    private final ReceiveGate gate;
    private final Runnable readerSetUp;
    private final Runnable packetWritten;

    BufferedSocketFactory(ReceiveGate gate, Runnable readerSetUp, Runnable packetWritten) {
        this.gate = gate;
        this.readerSetUp = readerSetUp;
        this.packetWritten = packetWritten;
    }

    @Override
    public Socket createSocket() {
        return new BufferedInputSocket(gate, readerSetUp, packetWritten);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        Socket socket = new BufferedInputSocket(gate, readerSetUp, packetWritten);
        socket.bind(new InetSocketAddress(localHost, localPort));
        socket.connect(new InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        Socket socket = new BufferedInputSocket(gate, readerSetUp, packetWritten);
        socket.bind(new InetSocketAddress(localAddress, localPort));
        socket.connect(new InetSocketAddress(address, port));
        return socket;
    }

    private Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new BufferedInputSocket(gate, readerSetUp, packetWritten);
        socket.connect(address);
        return socket;
    }

    /** One buffered stream per socket, however often it is asked for: a second buffer would lose bytes. */
    private static final class BufferedInputSocket extends Socket {

        private final ReceiveGate gate;
        private final Runnable readerSetUp;
        private final Runnable packetWritten;
        private InputStream input;
        private OutputStream output;

        BufferedInputSocket(ReceiveGate gate, Runnable readerSetUp, Runnable packetWritten) {
            this.gate = gate;
            this.readerSetUp = readerSetUp;
            this.packetWritten = packetWritten;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (output == null) {
                output = new FlushCountingOutputStream(super.getOutputStream(), packetWritten);
            }
            return output;
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new SocketBuffer(new GatedInputStream(super.getInputStream(), gate, this::isClosed,
                        readerSetUp));
            }
            return input;
        }
    }

    /**
     * The buffer in front of the socket. Paho asks {@code available()} before every packet it reads; a plain
     * {@link BufferedInputStream} adds the socket's own count, a system call (ioctl FIONREAD) per message. While
     * bytes are buffered, their count answers.
     */
    static final class SocketBuffer extends BufferedInputStream {

        SocketBuffer(InputStream in) {
            super(in, BUFFER_BYTES);
        }

        @Override
        public synchronized int available() throws IOException {
            int buffered = count - pos;
            return buffered > 0 ? buffered : super.available();
        }
    }

    /** The socket's output as it is, reporting each flush (Paho flushes once per packet). */
    static final class FlushCountingOutputStream extends FilterOutputStream {

        private final Runnable flushed;

        FlushCountingOutputStream(OutputStream out, Runnable flushed) {
            super(out);
            this.flushed = flushed;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length); // FilterOutputStream would write byte by byte
        }

        @Override
        public void flush() throws IOException {
            out.flush();
            flushed.run();
        }
    }

    /** The socket's stream, read only as far as the gate admits. */
    static final class GatedInputStream extends FilterInputStream {

        private final ReceiveGate gate;
        private final BooleanSupplier closed;
        private final Runnable readerSetUp;

        GatedInputStream(InputStream in, ReceiveGate gate, BooleanSupplier closed, Runnable readerSetUp) {
            super(in);
            this.gate = gate;
            this.closed = closed;
            this.readerSetUp = readerSetUp;
        }

        @Override
        public int read() throws IOException {
            readerSetUp.run();
            gate.admit(1, closed);
            return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            readerSetUp.run();
            return in.read(buffer, offset, gate.admit(length, closed));
        }
    }
}
