package org.smartcare.notices;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.PGNotification;
import org.smartcare.support.Database;
import reactor.core.publisher.Mono;

/**
 * The LISTEN loop against the real database: notices committed together arrive together, a lost connection is
 * re-established by itself and announced (the owner must assume it missed notices), and /health's notices
 * indicator shows the listener while it is down.
 */
@MicronautTest(environments = "test", transactional = false)
class NoticeListenerIT {

    private static final String CHANNEL = "smartcare_test_notices";

    @Inject DatabaseNotices notices;
    @Inject NoticesHealthIndicator health;
    @Inject Database database;

    @Test
    void hearsCommittedNoticesAndComesBackAfterItsConnectionIsKilled() throws Exception {
        List<List<String>> batches = new CopyOnWriteArrayList<>();
        AtomicInteger connections = new AtomicInteger();
        String name = "notice-test-" + System.nanoTime();
        try (NoticeListener listener = notices.listen(name, CHANNEL, new NoticeListener.Handler() {
            @Override
            public void listening() {
                connections.incrementAndGet();
            }

            @Override
            public void notices(PGNotification[] notes) {
                List<String> payloads = new ArrayList<>();
                for (PGNotification note : notes) {
                    payloads.add(note.getParameter());
                }
                batches.add(payloads);
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(listener::isListening);
            assertEquals(1, connections.get());

            database.execute(notify("a"), notify("b"), notify("c"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !batches.isEmpty());
            assertEquals(List.of(List.of("a", "b", "c")), batches, "one transaction's notices, together and in order");

            database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '"
                    + DatabaseNotices.applicationName(name) + "'");
            // It waits a second before connecting again; meanwhile /health says so.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> status().getStatus() == HealthStatus.DOWN);
            assertEquals(false, status().getDetails() instanceof Map<?, ?> details ? details.get(name) : null);
            await().atMost(Duration.ofSeconds(10)).until(() -> connections.get() == 2);
            assertEquals(HealthStatus.UP, status().getStatus());

            batches.clear();
            database.execute(notify("after"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !batches.isEmpty());
            assertEquals(List.of(List.of("after")), batches, "listening again on the new connection");
        }
        assertFalse(((Map<?, ?>) status().getDetails()).containsKey(name), "a closed listener is no longer reported");
    }

    private HealthResult status() {
        return Mono.from(health.getResult()).block();
    }

    private static String notify(String payload) {
        return "SELECT pg_notify('" + CHANNEL + "', '" + payload + "')";
    }
}
