package org.smartcare.order;

import java.time.Duration;

/**
 * The home- and community-care services: the six helps (六助), visits, respite and home nursing. The default
 * standard duration applies to a tenant that has not set its own (table service_type).
 */
public enum ServiceType {
    MEAL("助餐", 30),
    BATH("助浴", 60),
    CLEANING("助洁", 120),
    MEDICAL_ESCORT("助医", 180),
    MOBILITY("助行", 60),
    EMERGENCY("助急", 60),
    VISIT("探访", 30),
    RESPITE("喘息服务", 240),
    HOME_NURSING("上门护理", 60);

    private final String label;
    private final int defaultMinutes;

    ServiceType(String label, int defaultMinutes) {
        this.label = label;
        this.defaultMinutes = defaultMinutes;
    }

    public String label() {
        return label;
    }

    public Duration defaultStandard() {
        return Duration.ofMinutes(defaultMinutes);
    }
}
