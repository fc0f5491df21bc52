package org.smartcare.security;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one place that decides how much personal data a role sees. The call centre and administrators see
 * everything they need to act; everyone else sees masked values.
 */
@Singleton
public class PrivacyPolicy {

    private static final Map<Role, Set<PersonalField>> CLEAR = Map.of(
            Role.ADMIN, EnumSet.allOf(PersonalField.class),
            Role.OPERATOR, EnumSet.allOf(PersonalField.class),
            Role.INSTITUTION_STAFF, EnumSet.of(PersonalField.PHONE, PersonalField.ADDRESS, PersonalField.LOCATION,
                    PersonalField.HEALTH),
            Role.FAMILY, EnumSet.of(PersonalField.PHONE, PersonalField.ADDRESS, PersonalField.LOCATION,
                    PersonalField.HEALTH),
            Role.PARTNER, EnumSet.noneOf(PersonalField.class));

    public boolean seesClear(Caller caller, PersonalField field) {
        return CLEAR.getOrDefault(caller.role(), Set.of()).contains(field);
    }

    /** The value as this caller may see it; null stays null. */
    @Nullable
    public String show(Caller caller, PersonalField field, @Nullable String value) {
        if (value == null || seesClear(caller, field)) {
            return value;
        }
        return switch (field) {
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
}
