package org.smartcare.sim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * TCP sockets with buffered input, for the links that carry a city's load. Paho reads every packet from the
 * socket's own stream a byte or two at a time and asks {@code available()} before each one: three or four system
 * calls per PUBACK, which on this project's 2-core test machine took CPU from the broker, database and service the
 * simulator stands in front of. Behind the buffer one read takes in many acknowledgements.
 */
final class BufferedSockets extends SocketFactory {

    static final int BUFFER_BYTES = 16 * 1024;

    @Override
    public Socket createSocket() {
        return new BufferedInputSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return bound(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return bound(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return bound(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress localHost, int localPort) throws IOException {
        return bound(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    private static Socket bound(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = new BufferedInputSocket();
        if (local != null) {
            socket.bind(local);
        }
        socket.connect(remote);
        return socket;
    }

    /** One buffer per socket, however often its stream is asked for: a second buffer would lose bytes. */
    private static final class BufferedInputSocket extends Socket {

        private InputStream input;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (input == null) {
                input = new CountFromBuffer(super.getInputStream());
            }
            return input;
        }
    }

    /** Answers {@code available()} from the buffer while it holds bytes, without a system call. */
    static final class CountFromBuffer extends BufferedInputStream {

        CountFromBuffer(InputStream in) {
            super(in, BUFFER_BYTES);
        }

        @Override
        public synchronized int available() throws IOException {
            int buffered = count - pos;
            return buffered > 0 ? buffered : super.available();
        }
    }
}
