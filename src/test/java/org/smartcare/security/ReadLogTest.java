package org.smartcare.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadLogTest {

    private static final Caller PARTNER = new Caller("app-1", Role.PARTNER, "t1", null);
    private static final Instant NOW = Instant.parse("2026-12-03T06:00:00Z");

    @Test
    void oneRowPerPersonWithEachFieldOnceAndTheMaskedOnesNamed() {
        ReadLog log = new ReadLog();
        log.note(DataSubject.elder(7), "Elder.phone", true);
        log.note(DataSubject.elder(7), "Elder.phone", true);
        log.note(DataSubject.elder(7), "Elder.vitals", false);
        log.note(DataSubject.child(7), "Child.name", false);

        List<PersonalDataRead> rows = log.drain(PARTNER, "Board", NOW).stream()
                .sorted(Comparator.comparing(r -> r.dataSubject().kind())).toList();

        assertEquals(2, rows.size());
        PersonalDataRead elder = rows.getFirst();
        assertEquals(DataSubject.elder(7), elder.dataSubject());
        assertEquals(List.of("Elder.phone", "Elder.vitals"), elder.fields());
        assertEquals(List.of("Elder.phone"), elder.maskedFields());
        assertEquals("app-1", elder.subject());
        assertEquals("t1", elder.tenantId());
        assertEquals("Board", elder.operation());
        assertEquals(List.of("Child.name"), rows.get(1).fields());
    }

    @Test
    void aFieldShownInClearOnceCountsAsClear() {
        ReadLog log = new ReadLog();
        log.note(DataSubject.elder(1), "Elder.address", true);
        log.note(DataSubject.elder(1), "Elder.address", false);
        assertEquals(List.of(), log.drain(PARTNER, null, NOW).getFirst().maskedFields());
    }

    @Test
    void drainingEmptiesTheLog() {
        ReadLog log = new ReadLog();
        log.note(DataSubject.caregiver(3), "Caregiver.phone", false);
        assertEquals(1, log.drain(PARTNER, null, NOW).size());
        assertTrue(log.isEmpty());
        assertEquals(List.of(), log.drain(PARTNER, null, NOW));
    }
}
