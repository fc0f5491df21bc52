package org.smartcare.indicator;

import io.micronaut.core.annotation.Nullable;

/**
 * Whose data an indicator counts. Regions and their populations are shared by every tenant; institutions,
 * elders, orders and alerts belong to one. A tenant's indicators count its own data against the region's
 * whole population.
 *
 * @param tenantId the tenant, or null for every tenant (administrators)
 */
public record IndicatorScope(@Nullable String tenantId) {

    public static final IndicatorScope EVERYTHING = new IndicatorScope(null);

    public static IndicatorScope tenant(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            throw new IllegalArgumentException("a tenant scope needs the tenant");
        }
        return new IndicatorScope(tenantId);
    }
}
