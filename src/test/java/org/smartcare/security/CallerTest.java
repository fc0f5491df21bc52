package org.smartcare.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void readsRoleAndTenantFromTheToken() {
        Caller caller = Caller.from(Authentication.build("ops-1", List.of("OPERATOR"), Map.of("tenant", "demo-city")));
        assertEquals(new Caller("ops-1", Role.OPERATOR, "demo-city", null), caller);
    }

    @Test
    void actsWithTheStrongestRole() {
        Caller caller = Caller.from(Authentication.build("a", List.of("PARTNER", "ADMIN"), Map.of()));
        assertEquals(Role.ADMIN, caller.role());
    }

    @Test
    void refusesTokensWithoutRoleOrTenant() {
        assertThrows(IllegalArgumentException.class,
                () -> Caller.from(Authentication.build("x", List.of("ROOT"), Map.of("tenant", "t"))));
        assertThrows(IllegalArgumentException.class,
                () -> Caller.from(Authentication.build("x", List.of("OPERATOR"), Map.of())));
        assertThrows(IllegalArgumentException.class,
                () -> Caller.from(Authentication.build("x", List.of("INSTITUTION_STAFF"), Map.of("tenant", "t"))));
    }
}
