package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlertNoticeTest {

    @Test
    void roundTrips() {
        AlertNotice notice = AlertNotice.raised(42);
        assertEquals("raised:42", notice.encode());
        assertEquals(notice, AlertNotice.decode("raised:42"));
    }

    @Test
    void refusesGarbage() {
        assertThrows(IllegalArgumentException.class, () -> AlertNotice.decode("42"));
    }
}
