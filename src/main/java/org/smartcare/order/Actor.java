package org.smartcare.order;

import io.micronaut.core.annotation.Nullable;

/**
 * Who issues an order command, as recorded in the history: a user id or {@code system:...}. A tenant limits
 * the actor to that tenant's orders; a null tenant acts across tenants (platform admin, scheduled jobs).
 */
public record Actor(String id, @Nullable String tenantId) {

    public Actor {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an actor needs an id");
        }
    }

    public static Actor of(String id, String tenantId) {
        if (tenantId == null) {
            throw new IllegalArgumentException("a tenant actor needs its tenant");
        }
        return new Actor(id, tenantId);
    }

    public static Actor system(String id) {
        return new Actor("system:" + id, null);
    }

    public boolean mayActIn(String tenant) {
        return tenantId == null || tenantId.equals(tenant);
    }
}
