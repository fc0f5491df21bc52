package org.smartcare.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-22T13:00:00Z"); // 21:00 in Shanghai
    private static final FaultRates FAULTS = new FaultRates(0.02, 0.03, 0.04, 0.005);

    private static OfflineCity city(long seed) {
        return new OfflineCity(20, 20, 0, seed, CityRates.defaults(), FAULTS, START).run(START, Duration.ofHours(3));
    }

    @Test
    void aFixedSeedGivesTheSameFaultsEveryTime() {
        OfflineCity a = city(42);
        OfflineCity b = city(42);

        assertEquals(a.stats.toJson(JSON), b.stats.toJson(JSON));
        assertEquals(42 + 0L, 42L); // the seed is the only input
        OfflineCity c = city(43);
        assertTrue(!a.stats.toJson(JSON).equals(c.stats.toJson(JSON)), "another seed, other faults");
    }

    @Test
    void faultCountsFollowTheRatesAndMatchWhatWasPublished() throws IOException {
        OfflineCity city = city(42);
        RunStats stats = city.stats;
        // 20 beds x 1080 batches + 20 buttons x 36 heartbeats + a few events: ~22,400 messages.
        long messages = stats.sent(MessageKind.BED_TELEMETRY) + stats.sent(MessageKind.BUTTON_HEARTBEAT)
                + stats.sent(MessageKind.EVENT) + stats.malformed();
        assertTrue(messages > 20_000, "messages " + messages);
        assertWithin("malformed", stats.malformed(), messages * FAULTS.malformed());
        assertWithin("duplicate", stats.duplicates(), messages * (1 - FAULTS.malformed()) * FAULTS.duplicate());
        assertWithin("out of order", stats.outOfOrderCount(), messages * FAULTS.outOfOrder());
        assertWithin("disconnect", stats.disconnects(), messages * FAULTS.disconnect());

        long malformed = 0;
        long duplicates = 0;
        long originals = 0;
        long inversions = 0;
        long drops = 0;
        for (RecordingChannel channel : city.channels) {
            byte[] previous = null;
            long lastSeq = -1;
            Set<Long> seqs = new HashSet<>();
            for (RecordingChannel.Entry entry : channel.entries) {
                if (entry.what().equals("drop")) {
                    drops++;
                    continue;
                }
                FaultInjector.Copy copy = entry.copy();
                byte[] payload = copy.message().payload();
                long seqOfCopy = copy.message().seq();
                switch (copy.role()) {
                    case MALFORMED -> {
                        malformed++;
                        assertThrows(IOException.class, () -> JSON.readTree(payload), () -> new String(payload));
                    }
                    case DUPLICATE -> {
                        duplicates++;
                        assertArrayEquals(previous, payload, "a duplicate repeats the bytes just sent");
                    }
                    case ORIGINAL -> {
                        originals++;
                        long seq = JSON.readTree(payload).path("seq").asLong();
                        assertTrue(seqs.add(seq), "each seq once: " + seq);
                        assertEquals(seqOfCopy, seq);
                        if (seq < lastSeq) {
                            inversions++;
                        }
                    }
                }
                lastSeq = Math.max(lastSeq, seqOfCopy);
                previous = payload;
            }
        }
        assertEquals(stats.malformed(), malformed);
        assertEquals(stats.duplicates(), duplicates);
        assertEquals(stats.uniqueTotal(), originals, "'sent' counts every message once, copies apart");
        assertEquals(stats.published(), originals + duplicates + malformed);
        assertEquals(stats.outOfOrderCount(), inversions, "each held message arrives after exactly one later seq");
        assertEquals(stats.disconnects(), drops);
        // Every drop is followed by a reconnect: status online again (statuses = connects + shutdowns).
        assertEquals(40 * 2 + drops, stats.sent(MessageKind.STATUS));
    }

    @Test
    void heldMessagesGoOutAfterTheNextOneAndBeforeAShutdown() {
        FaultInjector faults = new FaultInjector(new FaultRates(0, 0, 1, 0), new SplittableRandom(1));
        Outgoing a = Outgoing.event("btn-1", EventType.SOS_PRESS, 1, new byte[] {'a'});
        Outgoing b = Outgoing.event("btn-1", EventType.SOS_CANCEL, 2, new byte[] {'b'});

        assertEquals(List.of(), faults.apply(a));
        List<Outgoing> next = new ArrayList<>();
        faults.apply(b).forEach(c -> next.add(c.message()));
        // b cannot be held while a is released: b then a.
        assertEquals(List.of(b, a), next);
        assertEquals(List.of(), faults.flush());
    }

    @Test
    void ratesOutsideZeroToOneAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new FaultRates(-0.1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new FaultRates(0, 1.5, 0, 0));
    }

    /** Within five standard deviations of a binomial count's mean. */
    private static void assertWithin(String what, long actual, double expected) {
        double sd = Math.sqrt(expected);
        assertTrue(Math.abs(actual - expected) <= 5 * sd + 1, what + ": " + actual + ", expected about " + expected);
    }
}
