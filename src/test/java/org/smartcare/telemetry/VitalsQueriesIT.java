package org.smartcare.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A time range's vitals hold exactly the samples inside it, also those of rows that start before it. */
@MicronautTest(environments = "test", transactional = false)
class VitalsQueriesIT {

    private static final Instant FROM = Instant.parse("2026-12-05T03:00:00Z");

    @Inject VitalsQueries queries;
    @Inject TelemetryWriter writer;
    @Inject TransactionOperations<Connection> transactions;

    @Test
    void samplesOfRowsReachingIntoTheRangeCountAndThoseOutsideDoNot() {
        String bed = "vq-" + UUID.randomUUID().toString().substring(0, 8);
        TelemetryBatch batch = new TelemetryBatch();
        // A message from 30 s before the range for 50 s (heart rate 50 before it, 70 inside), one row.
        List<BedVitals.Sample> straddling = new ArrayList<>();
        for (int s = 0; s < 50; s++) {
            straddling.add(new BedVitals.Sample(1000 * s, s < 30 ? 50 : 70, 14, true, 1));
        }
        BedVitals.rowsOf(bed, FROM.minusSeconds(30), 1, straddling).forEach(batch::add);
        // One from 5 s before the range's end: two samples inside (80), two at or after its end (90).
        BedVitals.rowsOf(bed, FROM.plusSeconds(595), 2, List.of(
                new BedVitals.Sample(0, 80, 14, true, 1), new BedVitals.Sample(4000, 80, 14, true, 1),
                new BedVitals.Sample(5000, 90, 14, true, 1), new BedVitals.Sample(6000, 90, 14, true, 1)))
                .forEach(batch::add);
        transactions.executeWrite(status -> writer.write(batch));

        List<VitalsBucket> buckets = transactions.executeRead(status ->
                queries.buckets(List.of(bed), FROM, FROM.plusSeconds(600), Duration.ofMinutes(10)));
        assertEquals(1, buckets.size(), buckets.toString());
        VitalsBucket bucket = buckets.getFirst();
        assertEquals(22, bucket.samples());
        assertEquals(70, bucket.heartRate().min());
        assertEquals(80, bucket.heartRate().max());
    }
}
