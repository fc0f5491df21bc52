package org.smartcare.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrivacyPolicyTest {

    private final PrivacyPolicy policy = new PrivacyPolicy();

    @ParameterizedTest
    @CsvSource({
            "ADMIN,             NATIONAL_ID, 42130319400302001X, 42130319400302001X",
            "OPERATOR,          NATIONAL_ID, 42130319400302001X, 42130319400302001X",
            "PARTNER,           NATIONAL_ID, 42130319400302001X, 4213**********001X",
            "INSTITUTION_STAFF, NATIONAL_ID, 42130319400302001X, 4213**********001X",
            "FAMILY,            NATIONAL_ID, 42130319400302001X, 4213**********001X",
            "OPERATOR,          PHONE,       13907221001,        13907221001",
            "PARTNER,           PHONE,       13907221001,        139******01",
            "PARTNER,           ADDRESS,     11号楼 2单元 101室,   ***",
            "PARTNER,           NAME,        王秀英,              王**",
            "FAMILY,            NAME,        王秀英,              王秀英",
            "PARTNER,           HEALTH,      72,                 ",
            "FAMILY,            HEALTH,      72,                 72",
            "INSTITUTION_STAFF, PHONE,       13907221001,        13907221001"})
    void masksByRole(Role role, PersonalField field, String value, String shown) {
        Caller caller = new Caller("u", role, role == Role.ADMIN ? null : "t",
                role == Role.INSTITUTION_STAFF ? 1L : null);
        assertEquals(shown, policy.show(caller, field, value));
    }

    @ParameterizedTest
    @CsvSource({"PARTNER", "FAMILY"})
    void hidesLocationsFromThoseWhoMayNotSeeThem(Role role) {
        Caller caller = new Caller("u", role, "t", null);
        assertEquals(role == Role.FAMILY ? "31.7,113.4" : null, policy.show(caller, PersonalField.LOCATION, "31.7,113.4"));
    }

    @ParameterizedTest
    @CsvSource({"ADMIN", "OPERATOR", "INSTITUTION_STAFF", "FAMILY", "PARTNER"})
    void everyRoleHasATreatmentForEveryField(Role role) {
        for (PersonalField field : PersonalField.values()) {
            org.junit.jupiter.api.Assertions.assertNotNull(policy.treatment(role, field), role + " " + field);
        }
    }

    @ParameterizedTest
    @CsvSource({"PARTNER"})
    void keepsNullsNull(Role role) {
        assertNull(policy.show(new Caller("u", role, "t", null), PersonalField.PHONE, null));
    }
}
