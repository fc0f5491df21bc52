package org.eclipse.paho.mqttv5.common.packet.util;

import java.io.InputStream;
import java.util.Objects;

/**
 * Reads one slice of a byte array, then a slice of another, as one stream (Paho restores a persisted packet from
 * its header and payload this way). Ours for the reason given in {@link VariableByteInteger}; bulk reads copy.
 */
public class MultiByteArrayInputStream extends InputStream {

    private final byte[] first;
    private final int firstOffset;
    private final int firstLength;
    private final byte[] second;
    private final int secondOffset;
    private final int secondLength;
    private int position;

    public MultiByteArrayInputStream(byte[] first, int firstOffset, int firstLength,
                                     byte[] second, int secondOffset, int secondLength) {
        this.first = first;
        this.firstOffset = firstOffset;
        this.firstLength = firstLength;
        this.second = second;
        this.secondOffset = secondOffset;
        this.secondLength = secondLength;
    }

    @Override
    public int read() {
        if (position < firstLength) {
            return first[firstOffset + position++] & 0xff;
        }
        if (position < firstLength + secondLength) {
            return second[secondOffset + position++ - firstLength] & 0xff;
        }
        return -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        if (position >= firstLength + secondLength) {
            return -1;
        }
        int copied = 0;
        if (position < firstLength) {
            int n = Math.min(length, firstLength - position);
            System.arraycopy(first, firstOffset + position, buffer, offset, n);
            copied = n;
            position += n;
        }
        if (copied < length && position < firstLength + secondLength) {
            int n = Math.min(length - copied, firstLength + secondLength - position);
            System.arraycopy(second, secondOffset + position - firstLength, buffer, offset + copied, n);
            copied += n;
            position += n;
        }
        return copied;
    }

    @Override
    public int available() {
        return firstLength + secondLength - position;
    }
}
