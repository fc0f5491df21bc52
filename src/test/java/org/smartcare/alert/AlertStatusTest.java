package org.smartcare.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertStatusTest {

    @ParameterizedTest
    @CsvSource({
            "OPEN, ACKNOWLEDGED, true", "OPEN, ESCALATED, true", "OPEN, DISPATCHED, false", "OPEN, RESOLVED, false",
            "ESCALATED, ACKNOWLEDGED, true", "ESCALATED, RESOLVED, false",
            "ACKNOWLEDGED, DISPATCHED, true", "ACKNOWLEDGED, RESOLVED, true", "ACKNOWLEDGED, ACKNOWLEDGED, false",
            "DISPATCHED, RESOLVED, true", "DISPATCHED, ACKNOWLEDGED, false",
            "RESOLVED, ACKNOWLEDGED, false", "RESOLVED, OPEN, false"})
    void guardsItsMoves(AlertStatus from, AlertStatus to, boolean allowed) {
        assertEquals(allowed, from.canMoveTo(to));
    }

    @ParameterizedTest
    @CsvSource({"420000, 42", "421300, 4213", "421303, 421303"})
    void regionsNestByDigits(String code, String prefix) {
        assertEquals(prefix, RegionPrefix.of(code));
    }

    @org.junit.jupiter.api.Test
    void refusesBadRegionCodes() {
        assertThrows(IllegalArgumentException.class, () -> RegionPrefix.of("4213"));
    }
}
