package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one place that decides how much personal data a role sees. The call centre and administrators see
 * everything they need to act; institution staff and family members what care needs (a masked national ID);
 * partner apps the least: masked name, ID and phone, the community instead of the door number, no coordinates
 * and no health measurements.
 *
 * <pre>
 * field        ADMIN  OPERATOR  INSTITUTION_STAFF  FAMILY  PARTNER
 * NAME         clear  clear     clear              clear   masked (王**)
 * NATIONAL_ID  clear  clear     masked             masked  masked (4213**********001X)
 * PHONE        clear  clear     clear              clear   masked (139******01)
 * ADDRESS      clear  clear     clear              clear   masked (community only)
 * LOCATION     clear  clear     clear              clear   refused (null)
 * HEALTH       clear  clear     clear              clear   refused (null)
 * </pre>
 * Which records a role reaches at all (tenant, institution, linked or consenting elders, own children) is
 * decided by the scopes; this table only decides how the fields of a reachable record are shown.
 */
@Singleton
public class PrivacyPolicy {

    /** What a role gets of a field. */
    public enum Treatment {
        CLEAR, MASKED, REFUSED
    }

    private static final Map<Role, Map<PersonalField, Treatment>> TABLE = table();

    public Treatment treatment(Role role, PersonalField field) {
        return TABLE.get(role).get(field);
    }

    public boolean seesClear(Caller caller, PersonalField field) {
        return treatment(caller.role(), field) == Treatment.CLEAR;
    }

    /** The value as this caller may see it; null stays null, and a refused field is null. */
    @Nullable
    public String show(Caller caller, PersonalField field, @Nullable String value) {
        if (value == null) {
            return null;
        }
        return switch (treatment(caller.role(), field)) {
            case CLEAR -> value;
            case REFUSED -> null;
            case MASKED -> mask(field, value);
        };
    }

    static String mask(PersonalField field, String value) {
        return switch (field) {
            case NAME -> keepEnds(value, 1, 0);
            case NATIONAL_ID -> keepEnds(value, 4, 4);
            case PHONE -> keepEnds(value, 3, 2);
            case ADDRESS -> "***";
            case LOCATION, HEALTH -> null;
        };
    }

    static String keepEnds(String value, int head, int tail) {
        if (value.length() <= head + tail) {
            return "*".repeat(value.length());
        }
        return value.substring(0, head) + "*".repeat(value.length() - head - tail) + value.substring(value.length() - tail);
    }

    private static Map<Role, Map<PersonalField, Treatment>> table() {
        Map<Role, Map<PersonalField, Treatment>> table = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            Map<PersonalField, Treatment> fields = new EnumMap<>(PersonalField.class);
            for (PersonalField field : PersonalField.values()) {
                fields.put(field, Treatment.CLEAR);
            }
            table.put(role, fields);
        }
        table.get(Role.INSTITUTION_STAFF).put(PersonalField.NATIONAL_ID, Treatment.MASKED);
        table.get(Role.FAMILY).put(PersonalField.NATIONAL_ID, Treatment.MASKED);
        Map<PersonalField, Treatment> partner = table.get(Role.PARTNER);
        partner.put(PersonalField.NAME, Treatment.MASKED);
        partner.put(PersonalField.NATIONAL_ID, Treatment.MASKED);
        partner.put(PersonalField.PHONE, Treatment.MASKED);
        partner.put(PersonalField.ADDRESS, Treatment.MASKED);
        partner.put(PersonalField.LOCATION, Treatment.REFUSED);
        partner.put(PersonalField.HEALTH, Treatment.REFUSED);
        return table;
    }
}
