package org.smartcare.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceTopicTest {

    @ParameterizedTest
    @CsvSource({
            "smartcare/v1/devices/btn-0001/event, btn-0001, EVENT",
            "smartcare/v1/devices/bed-7/telemetry, bed-7, TELEMETRY",
            "smartcare/v1/devices/cam-0003/status, cam-0003, STATUS"})
    void parsesOurTopics(String topic, String deviceId, Channel channel) throws Rejection {
        DeviceTopic parsed = DeviceTopic.parse(topic);
        assertEquals(deviceId, parsed.deviceId());
        assertEquals(channel, parsed.channel());
        assertEquals(topic, parsed.topic());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "smartcare/v2/devices/btn-0001/event",
            "smartcare/v1/devices/btn-0001",
            "smartcare/v1/devices/btn-0001/event/extra",
            "smartcare/v1/devices//event",
            "smartcare/v1/devices/BTN-0001/event",
            "smartcare/v1/devices/btn-0001/video",
            "other/topic"})
    void refusesEverythingElse(String topic) {
        Rejection rejection = assertThrows(Rejection.class, () -> DeviceTopic.parse(topic));
        assertEquals(DeadLetterReason.BAD_TOPIC, rejection.reason());
    }
}
