package org.smartcare.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Parses {@code --start}: {@code now}, a local time today ({@code 21:30}), a local date-time, or an instant with offset. */
final class SimStart {

    private SimStart() {
    }

    static boolean isNow(String text) {
        return text.strip().equalsIgnoreCase("now");
    }

    static Instant parse(String text, Instant now) {
        String t = text.strip();
        if (isNow(t)) {
            return now;
        }
        try {
            if (t.length() <= 8 && t.contains(":")) {
                LocalDate today = now.atZone(DeviceModel.LOCAL_ZONE).toLocalDate();
                return LocalDateTime.of(today, LocalTime.parse(t)).atZone(DeviceModel.LOCAL_ZONE).toInstant();
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return OffsetDateTime.parse(t).toInstant();
            }
            return LocalDateTime.parse(t).atZone(DeviceModel.LOCAL_ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("invalid start '" + text + "': expected now, HH:mm, "
                    + "2026-11-22T21:30 (Asia/Shanghai) or 2026-11-22T21:30:00+08:00");
        }
    }
}
