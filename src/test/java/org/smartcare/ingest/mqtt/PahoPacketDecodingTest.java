package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttPublish;
import org.eclipse.paho.mqttv5.common.packet.MqttWireMessage;
import org.eclipse.paho.mqttv5.common.packet.util.CountingInputStream;
import org.eclipse.paho.mqttv5.common.packet.util.MultiByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Our classes of Paho's packet.util package replace Paho's: they must be the ones loaded and decode the same. */
class PahoPacketDecodingTest {

    @Test
    void bulkReadsReachTheUnderlyingStreamAndAreCounted() throws Exception {
        byte[] data = new byte[5_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        SingleByteCallCounter source = new SingleByteCallCounter(data);
        CountingInputStream counting = new CountingInputStream(source);
        DataInputStream in = new DataInputStream(counting);

        int first = in.readUnsignedByte();
        byte[] rest = new byte[data.length - 1];
        in.readFully(rest);

        assertEquals(data[0] & 0xff, first);
        assertArrayEquals(Arrays.copyOfRange(data, 1, data.length), rest);
        assertEquals(data.length, counting.getCounter());
        assertEquals(1, source.singleByteCalls, "the payload must not be read a byte per call");
        assertEquals(-1, counting.read());
        assertEquals(data.length, counting.getCounter(), "end of stream is not counted");
        counting.resetCounter();
        assertEquals(0, counting.getCounter());
    }

    @Test
    void aPublishDecodesToWhatWasEncoded() throws Exception {
        byte[] payload = "{\"samples\":[{\"hr\":61}]}".repeat(200).getBytes(StandardCharsets.UTF_8);
        MqttMessage message = new MqttMessage(payload, 1, false, null);
        MqttPublish sent = new MqttPublish("smartcare/v1/devices/bed-000042/telemetry", message, null);
        sent.setMessageId(4242);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(sent.getHeader());
        wire.write(sent.getPayload());

        MqttPublish received = assertInstanceOf(MqttPublish.class, MqttWireMessage.createWireMessage(wire.toByteArray()));

        assertEquals("smartcare/v1/devices/bed-000042/telemetry", received.getTopicName());
        assertEquals(4242, received.getMessageId());
        assertEquals(1, received.getMessage().getQos());
        assertArrayEquals(payload, received.getMessage().getPayload());
    }

    @Test
    void twoSlicesReadAsOneStreamWhetherByByteOrInBulk() throws Exception {
        byte[] head = {9, 1, 2, 3, 9};
        byte[] tail = {9, 9, 4, (byte) 0xf5, 6, 9};
        MultiByteArrayInputStream bytewise = new MultiByteArrayInputStream(head, 1, 3, tail, 2, 3);
        MultiByteArrayInputStream bulk = new MultiByteArrayInputStream(head, 1, 3, tail, 2, 3);

        assertEquals(6, bulk.available());
        byte[] all = new byte[8];
        assertEquals(2, bulk.read(all, 0, 2));
        assertEquals(4, bulk.read(all, 2, 6));
        assertEquals(-1, bulk.read(all, 0, 1));
        assertArrayEquals(new byte[] {1, 2, 3, 4, (byte) 0xf5, 6, 0, 0}, all);
        int[] bytes = new int[7];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = bytewise.read();
        }
        assertArrayEquals(new int[] {1, 2, 3, 4, 0xf5, 6, -1}, bytes);
    }

    private static final class SingleByteCallCounter extends ByteArrayInputStream {
        int singleByteCalls;

        SingleByteCallCounter(byte[] data) {
            super(data);
        }

        @Override
        public synchronized int read() {
            singleByteCalls++;
            return super.read();
        }
    }
}
