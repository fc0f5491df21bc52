package org.smartcare.alert;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/** An institution's daily opening hours in its own time zone. */
public record OpeningHours(LocalTime opens, LocalTime closes, ZoneId zone) {

    public boolean isOpenAt(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        return !local.isBefore(opens) && local.isBefore(closes);
    }
}
