package org.smartcare.flow;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.junit.jupiter.api.Test;
import org.smartcare.support.Database;
import org.smartcare.support.DeviceClient;
import org.smartcare.support.Fixtures;
import org.smartcare.support.Fixtures.World;

/** The broker, not just the service, keeps a device to its own topics. */
@MicronautTest(environments = "test", transactional = false)
class BrokerAclIT {

    private static final int NOT_AUTHORIZED = 0x87;

    @Inject Fixtures fixtures;
    @Inject Database database;
    @Value("${smartcare.mqtt.url}") String broker;

    @Test
    void aDeviceCannotPublishUnderAnotherDevicesId() throws Exception {
        World mine = fixtures.world();
        World victim = fixtures.world();
        try (DeviceClient intruder = new DeviceClient(broker, mine.buttonId(), mine.button().secret());
             DeviceClient honest = new DeviceClient(broker, victim.buttonId(), victim.button().secret())) {
            int refused = intruder.publish("smartcare/v1/devices/" + victim.buttonId() + "/event",
                    DeviceClient.sosPress(DeviceClient.nextSeq()));
            assertEquals(NOT_AUTHORIZED, refused);
            assertEquals(0, honest.publishEvent(DeviceClient.sosPress(DeviceClient.nextSeq())));
        }
        // The victim's own press is stored; the forged one never reached the service.
        await().atMost(Duration.ofSeconds(30)).until(() -> database.eventsOf(victim.buttonId()) == 1);
        Thread.sleep(300);
        assertEquals(1, database.alertsOf(victim.buttonId()));
        assertEquals(0, database.eventsOf(mine.buttonId()));
    }

    @Test
    void aWrongSecretCannotConnect() {
        World world = fixtures.world();
        MqttException refused = org.junit.jupiter.api.Assertions.assertThrows(MqttException.class,
                () -> new DeviceClient(broker, world.buttonId(), "not-the-secret").close());
        assertEquals(NOT_AUTHORIZED, refused.getReasonCode());
    }
}
