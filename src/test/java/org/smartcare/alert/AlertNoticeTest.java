package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AlertNoticeTest {

    @Test
    void roundTrips() {
        AlertNotice notice = AlertNotice.raised(42);
        assertEquals("raised:42", notice.encode());
        assertEquals(notice, AlertNotice.decode("raised:42"));
    }

    @Test
    void theSqlPayloadNamesBothKindsAsEncodeDoes() {
        assertEquals("CASE WHEN inserted THEN 'raised:' ELSE 'updated:' END || id",
                AlertNotice.sqlPayload("inserted", "id"));
    }

    @Test
    void encodingDoesNotDependOnTheDefaultLocale() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("tr-TR"));
        try {
            assertEquals("raised:7", AlertNotice.raised(7).encode());
            assertEquals(AlertNotice.raised(7), AlertNotice.decode("raised:7"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void refusesGarbage() {
        assertThrows(IllegalArgumentException.class, () -> AlertNotice.decode("42"));
    }
}
