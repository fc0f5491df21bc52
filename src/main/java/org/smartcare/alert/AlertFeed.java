package org.smartcare.alert;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears every committed alert, from any instance, through LISTEN on a connection of its own, loads it
 * once and hands it to the local subscribers. Reconnects by itself when the database goes away.
 */
@Context
public class AlertFeed {

    private static final Logger LOG = LoggerFactory.getLogger(AlertFeed.class);
    private static final int POLL_MS = 250;

    private final Alerts alerts;
    private final String url;
    private final String username;
    private final String password;
    private final List<Consumer<AlertChange>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;

    AlertFeed(Alerts alerts,
              @Value("${datasources.default.url}") String url,
              @Value("${datasources.default.username}") String username,
              @Value("${datasources.default.password}") String password) {
        this.alerts = alerts;
        this.url = url;
        this.username = username;
        this.password = password;
        this.listener = Thread.ofPlatform().daemon().name("alert-feed").start(this::listenForever);
    }

    /** Delivers every alert raised or changed from now on; close the handle to stop. Consumers must not block. */
    public AutoCloseable subscribe(Consumer<AlertChange> consumer) {
        subscribers.add(consumer);
        return () -> subscribers.remove(consumer);
    }

    /** Whether the LISTEN connection is up (for health). */
    public boolean isListening() {
        return listening;
    }

    private void listenForever() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, username, password)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + AlertWriter.CHANNEL);
                }
                listening = true;
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(POLL_MS);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            deliver(AlertNotice.decode(note.getParameter()));
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warn("alert feed lost its database connection, retrying in 1 s: {}", e.getMessage());
                    sleepQuietly(1_000);
                }
            }
        }
    }

    private void deliver(AlertNotice notice) {
        if (subscribers.isEmpty()) {
            return;
        }
        alerts.findById(notice.alertId()).ifPresent(alert -> {
            AlertChange change = new AlertChange(notice.change(), alert);
            for (Consumer<AlertChange> subscriber : subscribers) {
                try {
                    subscriber.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("alert subscriber failed", e);
                }
            }
        });
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        listener.join(2 * POLL_MS + 1_000);
    }
}
