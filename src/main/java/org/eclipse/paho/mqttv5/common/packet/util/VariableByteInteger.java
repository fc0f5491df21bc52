package org.eclipse.paho.mqttv5.common.packet.util;

/**
 * A decoded MQTT variable byte integer: its value and how many bytes it took on the wire (-1 when not read from
 * the wire). Ours because Paho's is in the package of {@link CountingInputStream}: the whole package comes from
 * this project, so no class of it is loaded from Paho's signed jar next to an unsigned one of ours.
 */
public class VariableByteInteger {

    private final int value;
    private final int length;

    public VariableByteInteger(int value) {
        this(value, -1);
    }

    public VariableByteInteger(int value, int length) {
        this.value = value;
        this.length = length;
    }

    public int getEncodedLength() {
        return length;
    }

    public int getValue() {
        return value;
    }
}
