package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The planned rounds inject what the truth says and nothing the detector would also (rightly) flag. */
class RoundsPlanTest {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    @Test
    void everyKindIsInjectedNearItsRateAndMissingCheckOutsLieBeforeTheStart() {
        Map<RoundsPlan.Kind, Integer> counts = new EnumMap<>(RoundsPlan.Kind.class);
        int visits = 0;
        for (int c = 0; c < 200; c++) {
            RoundsPlan plan = RoundsPlan.plan(new Random(c), homes(), START, 12, 0.05);
            for (RoundsPlan.Visit visit : plan.visits()) {
                visits++;
                visit.injected().forEach(k -> counts.merge(k, 1, Integer::sum));
                assertTrue(visit.injected().size() <= 1);
                if (visit.injected().contains(RoundsPlan.Kind.MISSING_CHECK_OUT)) {
                    assertEquals(null, visit.checkOut());
                    assertTrue(visit.checkIn().at().plus(Duration.ofMinutes(2L * visit.standardMinutes()))
                            .isBefore(START));
                } else {
                    assertTrue(!visit.checkIn().at().isBefore(START));
                    assertTrue(visit.checkOut().at().isAfter(visit.checkIn().at()));
                }
            }
        }
        for (RoundsPlan.Kind kind : RoundsPlan.Kind.values()) {
            int expected = kind == RoundsPlan.Kind.OVERLAPPING_ORDERS ? 2 * 200 * 12 / 20 : 200 * 12 / 20;
            int got = counts.getOrDefault(kind, 0);
            assertTrue(got > expected * 0.7 && got < expected * 1.3, kind + ": " + got + " of ~" + expected);
        }
        assertTrue(visits > 2400);
    }

    @Test
    void unmarkedVisitsStayWithinTheRulesThresholds() {
        for (int c = 0; c < 100; c++) {
            for (RoundsPlan.Visit visit : RoundsPlan.plan(new Random(c), homes(), START, 12, 0.05).visits()) {
                if (!visit.injected().isEmpty()) {
                    continue;
                }
                double metres = RoundsPlan.distance(visit.checkIn().lat(), visit.checkIn().lon(), visit.home().lat(),
                        visit.home().lon());
                assertTrue(metres < 200, "check-in " + metres + " m from home");
                long served = Duration.between(visit.checkIn().at(), visit.checkOut().at()).toMinutes();
                assertTrue(served >= visit.standardMinutes() / 2 && served < 2 * visit.standardMinutes());
                assertTrue(!visit.checkIn().at().isBefore(visit.scheduledStart().minus(RoundsPlan.TOLERANCE))
                        && !visit.checkIn().at().isAfter(visit.scheduledEnd().plus(RoundsPlan.TOLERANCE)));
            }
        }
    }

    private static List<RoundsPlan.Home> homes() {
        Random random = new Random(1);
        List<RoundsPlan.Home> homes = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            homes.add(new RoundsPlan.Home(i, 31.69 + (random.nextDouble() - 0.5) * 0.05,
                    113.38 + (random.nextDouble() - 0.5) * 0.06));
        }
        return homes;
    }
}
