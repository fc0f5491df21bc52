package org.smartcare.graphql;

import org.smartcare.alert.AlertScope;
import org.smartcare.order.OrderScope;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/** Turns a caller into the slice of data they may read. */
public final class Scopes {

    private Scopes() {
    }

    public static AlertScope alerts(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> AlertScope.EVERYTHING;
            case OPERATOR, PARTNER -> new AlertScope(caller.tenantId(), null);
            case INSTITUTION_STAFF -> new AlertScope(caller.tenantId(), caller.institutionId());
            case FAMILY -> throw ApiError.forbidden("family accounts see alerts through their elders only");
        };
    }

    /** Orders: ADMIN all, OPERATOR and PARTNER their tenant, INSTITUTION_STAFF what their institution provides. */
    public static OrderScope orders(Caller caller) {
        return switch (caller.role()) {
            case ADMIN -> OrderScope.EVERYTHING;
            case OPERATOR, PARTNER -> new OrderScope(caller.tenantId(), null);
            case INSTITUTION_STAFF -> new OrderScope(caller.tenantId(), caller.institutionId());
            case FAMILY -> throw ApiError.forbidden("family accounts cannot see service orders yet");
        };
    }

    /** Whether the caller may read a registry record of this tenant. */
    public static boolean tenant(Caller caller, String tenantId) {
        return caller.role() == Role.ADMIN || caller.tenantId().equals(tenantId);
    }

    public static void requireRole(Caller caller, Role... roles) {
        if (!caller.is(roles)) {
            throw ApiError.forbidden("this field is not available to " + caller.role());
        }
    }
}
