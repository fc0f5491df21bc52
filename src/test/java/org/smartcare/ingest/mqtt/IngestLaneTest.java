package org.smartcare.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.junit.jupiter.api.Test;

class IngestLaneTest {

    @Test
    void retainedStatusesComeOnlyWithANewSubscriptionNotWithEveryReconnect() {
        MqttSubscription subscription = IngestLane.subscription("$share/g/smartcare/v1/devices/+/status");

        assertEquals(1, subscription.getQos());
        assertEquals(1, subscription.getRetainHandling(), "send retained only if the subscription is new");
    }

    @Test
    void messagesOfOneDeviceGoToOneWorkerWhateverTheChannel() {
        assertEquals(IngestLane.deviceIdHash("smartcare/v1/devices/bed-1/telemetry"),
                IngestLane.deviceIdHash("smartcare/v1/devices/bed-1/status"));
        assertEquals("bed-1".hashCode(), IngestLane.deviceIdHash("smartcare/v1/devices/bed-1/event"));
    }
}
