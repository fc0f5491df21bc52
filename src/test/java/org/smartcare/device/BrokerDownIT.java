package org.smartcare.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.smartcare.care.Tenant;
import org.smartcare.care.Tenants;
import org.smartcare.graphql.GlobalId;
import org.smartcare.security.Role;
import org.smartcare.support.Api;

/** With the broker's account store out of reach, device administration refuses and changes nothing. */
@MicronautTest(environments = "test", transactional = false)
@Property(name = "smartcare.mqtt.url", value = "tcp://127.0.0.1:1")
class BrokerDownIT {

    @Inject Api api;
    @Inject Tenants tenants;
    @Inject Devices devices;

    @Test
    void registrationAndRevocationAreRefusedAndTheRegistryIsUnchanged() {
        String tenant = "it-" + UUID.randomUUID().toString().substring(0, 8);
        tenants.save(new Tenant(tenant, "IT broker down"));
        String admin = api.token(Role.ADMIN, null);
        String id = "down-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode registered = api.operation(admin, "device-admin.graphql", "Register", Map.of("input",
                Map.of("deviceId", id, "type", "SOS_BUTTON", "serial", "SN-" + id, "tenant", tenant)))
                .at("/data/registerDevice");
        assertEquals("BROKER_UNAVAILABLE", registered.at("/error/code").asText(), registered.toString());
        assertTrue(registered.path("secret").isNull());
        assertTrue(devices.findById(id).isEmpty(), "no registry entry without a broker account");

        Device existing = devices.save(new Device("old-" + id, tenant, DeviceType.SOS_BUTTON, "SN-old", "old-" + id,
                null, null, null, Instant.now(), null));
        JsonNode revoked = api.operation(admin, "device-admin.graphql", "Revoke",
                Map.of("id", GlobalId.encode("Device", existing.id()))).at("/data/revokeDevice");
        assertEquals("BROKER_UNAVAILABLE", revoked.at("/error/code").asText(), revoked.toString());
        assertTrue(devices.findById(existing.id()).orElseThrow().revokedAt() == null,
                "not marked revoked while its broker account may still work");
    }
}
