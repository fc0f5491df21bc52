package org.smartcare.graphql;

import graphql.schema.DataFetchingEnvironment;
import java.util.Set;
import org.smartcare.alert.AlertScope;
import org.smartcare.care.ElderData;
import org.smartcare.order.OrderScope;
import org.smartcare.security.Caller;
import org.smartcare.security.Role;

/**
 * Turns a caller into the slice of data they may read. Family members and partners read a tenant's data only
 * for the elders they are linked to or who consented; the elder ids go into the SQL of every list.
 */
public final class Scopes {

    private Scopes() {
    }

    public static AlertScope alerts(DataFetchingEnvironment env) {
        return alerts(RequestContext.of(env));
    }

    public static AlertScope alerts(RequestContext context) {
        Caller caller = context.caller();
        return switch (caller.role()) {
            case ADMIN -> AlertScope.EVERYTHING;
            case OPERATOR -> new AlertScope(caller.tenantId(), null);
            case INSTITUTION_STAFF -> new AlertScope(caller.tenantId(), caller.institutionId());
            case FAMILY, PARTNER -> new AlertScope(caller.tenantId(), null, context.access().readable(ElderData.ALERTS));
        };
    }

    /**
     * Orders: ADMIN all, OPERATOR their tenant, INSTITUTION_STAFF what their institution provides, FAMILY and
     * PARTNER the orders of their elders.
     */
    public static OrderScope orders(DataFetchingEnvironment env) {
        RequestContext context = RequestContext.of(env);
        Caller caller = context.caller();
        return switch (caller.role()) {
            case ADMIN -> OrderScope.EVERYTHING;
            case OPERATOR -> new OrderScope(caller.tenantId(), null);
            case INSTITUTION_STAFF -> new OrderScope(caller.tenantId(), caller.institutionId());
            case FAMILY, PARTNER -> new OrderScope(caller.tenantId(), null, context.access().readable(ElderData.ORDERS));
        };
    }

    /** The elders whose devices the caller may list (null: not limited to elders). */
    public static Set<Long> deviceElders(DataFetchingEnvironment env) {
        return RequestContext.of(env).access().readable(ElderData.DEVICES);
    }

    /** Whether the caller may read this elder's registry record (tenant, then link or consent). */
    public static boolean elder(DataFetchingEnvironment env, String tenantId, long elderId) {
        return tenant(RequestContext.caller(env), tenantId) && RequestContext.of(env).access().mayRead(elderId);
    }

    /** Whether the caller may read this device: its tenant's, and for family members and partners their elder's. */
    public static boolean device(DataFetchingEnvironment env, String tenantId, Long elderId) {
        if (!tenant(RequestContext.caller(env), tenantId)) {
            return false;
        }
        Set<Long> elders = deviceElders(env);
        return elders == null || elderId != null && elders.contains(elderId);
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
