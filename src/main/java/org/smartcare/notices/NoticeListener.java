package org.smartcare.notices;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTEN on one channel, on a connection and a thread of its own (a pooled connection would lose its LISTEN when
 * handed back), handing the notices that arrived together to a {@link Handler}. Reconnects by itself when the
 * database goes away; since notices sent while it was away are lost, the handler hears of every (re)connection.
 */
public final class NoticeListener implements AutoCloseable {

    /** What a listener's owner does with its notices; called on the listener's thread, one call at a time. */
    public interface Handler {

        /** LISTEN is in place (again): notices from now on arrive; any sent before are not going to. */
        default void listening() {
        }

        void notices(PGNotification[] notes);
    }

    private static final Logger LOG = LoggerFactory.getLogger(NoticeListener.class);
    private static final int POLL_MS = 250;
    private static final long RETRY_MS = 1_000;

    private final String name;
    private final String channel;
    private final String url;
    private final Properties credentials;
    private final Handler handler;
    private final Consumer<NoticeListener> onClose;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean listening;

    NoticeListener(String name, String channel, String url, Properties credentials, Handler handler,
                   Consumer<NoticeListener> onClose) {
        if (!channel.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain channel name: " + channel);
        }
        this.name = name;
        this.channel = channel;
        this.url = url;
        this.credentials = credentials;
        this.handler = handler;
        this.onClose = onClose;
        this.thread = Thread.ofPlatform().daemon().name(name).start(this::listenForever);
    }

    public String name() {
        return name;
    }

    public String channel() {
        return channel;
    }

    /** Whether LISTEN is in place now, i.e. no notice is being missed. */
    public boolean isListening() {
        return listening;
    }

    private void listenForever() {
        while (running) {
            try (Connection connection = DriverManager.getConnection(url, credentials)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + channel);
                }
                listening = true;
                handler.listening();
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notes = pg.getNotifications(POLL_MS);
                    if (notes != null && notes.length > 0) {
                        handler.notices(notes);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warn("{} lost its database connection, retrying in {} ms: {}", name, RETRY_MS, e.getMessage());
                    sleepQuietly();
                }
            }
        }
        listening = false;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2 * POLL_MS + RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.accept(this);
    }
}
