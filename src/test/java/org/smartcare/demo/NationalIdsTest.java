package org.smartcare.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class NationalIdsTest {

    @Test
    void computesTheStandardCheckDigit() {
        // The GB 11643 worked example.
        assertEquals('X', NationalIds.checkDigit("11010519491231002"));
    }

    @Test
    void encodesRegionBirthDateAndSex() {
        String id = NationalIds.of("421303", LocalDate.of(1940, 3, 2), 5, true);
        assertTrue(id.startsWith("42130319400302"));
        assertEquals(1, (id.charAt(16) - '0') % 2, "odd order digit for men");
        assertEquals(NationalIds.checkDigit(id.substring(0, 17)), id.charAt(17));
    }
}
