package org.smartcare.notices;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/** Starts the service's LISTEN loops against the default datasource's database, and knows them all (for health). */
@Singleton
public class DatabaseNotices {

    private final String url;
    private final String username;
    private final String password;
    private final List<NoticeListener> listeners = new CopyOnWriteArrayList<>();

    DatabaseNotices(@Value("${datasources.default.url}") String url,
                    @Value("${datasources.default.username}") String username,
                    @Value("${datasources.default.password}") String password) {
        this.url = url;
        this.username = username;
        this.password = password;
    }

    /**
     * Listens on {@code channel} from now on, as {@code name}: the thread's name, and with this process's id the
     * connection's application name in pg_stat_activity ({@link #applicationName}). Close the listener to stop.
     */
    public NoticeListener listen(String name, String channel, NoticeListener.Handler handler) {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", applicationName(name));
        NoticeListener listener = new NoticeListener(name, channel, url, properties, handler, listeners::remove);
        listeners.add(listener);
        return listener;
    }

    /** How the listener {@code name} of this process shows in pg_stat_activity. */
    public static String applicationName(String name) {
        return "smartcare " + name + " " + ProcessHandle.current().pid();
    }

    public List<NoticeListener> listeners() {
        return List.copyOf(listeners);
    }

    @PreDestroy
    void stop() {
        for (NoticeListener listener : listeners) {
            listener.close();
        }
    }
}
