package org.smartcare.graphql.wiring;

import java.util.HashMap;
import java.util.Map;
import org.smartcare.order.Actor;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** What the order and plan mutations share: who may change, as which actor, and the payload error shape. */
final class OrderCommands {

    static final String FORBIDDEN = "FORBIDDEN";

    private OrderCommands() {
    }

    static boolean mayChange(Caller caller) {
        return caller.is(Role.ADMIN, Role.OPERATOR, Role.INSTITUTION_STAFF);
    }

    /** ADMIN acts across tenants; everyone else inside their own. */
    static Actor actor(Caller caller) {
        return caller.role() == Role.ADMIN ? new Actor(caller.subject(), null) : Actor.of(caller.subject(),
                caller.tenantId());
    }

    static Map<String, Object> refused(String code, String message) {
        return error(new HashMap<>(), code, message);
    }

    static Map<String, Object> error(Map<String, Object> payload, String code, String message) {
        payload.put("error", Map.of("code", code, "message", message == null ? code : message));
        return payload;
    }
}
