package org.smartcare.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Logger;

/**
 * A JDBC driver for {@code jdbc:counting:postgresql://...} URLs that hands out real PostgreSQL connections and
 * records every statement they execute, with the thread that executed it. A test points the service's data source
 * at it to count the SQL statements a request costs, and to see where blocking JDBC work runs.
 */
public final class CountingDriver implements Driver {

    public static final String PREFIX = "jdbc:counting:";
    private static final Set<String> EXECUTING = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");
    private static final ConcurrentLinkedQueue<Executed> LOG = new ConcurrentLinkedQueue<>();

    static {
        try {
            DriverManager.registerDriver(new CountingDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Driver postgres = new org.postgresql.Driver();

    /** One executed statement: its SQL and the thread that ran it. */
    public record Executed(String sql, String thread, boolean virtual) {
    }

    /** The URL that routes a PostgreSQL JDBC URL through this driver. */
    public static String wrap(String postgresUrl) {
        return PREFIX + postgresUrl.substring("jdbc:".length());
    }

    public static void reset() {
        LOG.clear();
    }

    public static List<Executed> executed() {
        return List.copyOf(LOG);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = postgres.connect("jdbc:" + url.substring(PREFIX.length()), info);
        return proxy(Connection.class, real, new ConnectionHandler(real));
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return postgres.getPropertyInfo("jdbc:" + url.substring(PREFIX.length()), info);
    }

    @Override
    public int getMajorVersion() {
        return postgres.getMajorVersion();
    }

    @Override
    public int getMinorVersion() {
        return postgres.getMinorVersion();
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** unwrap/isWrapperFor reach the real connection, so PGConnection features (LISTEN, COPY) keep working. */
    private record ConnectionHandler(Connection real) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object result = CountingDriver.invoke(real, method, args);
            return switch (method.getName()) {
                case "prepareStatement" -> proxy(PreparedStatement.class, result,
                        new StatementHandler((Statement) result, (String) args[0]));
                case "prepareCall" -> proxy(CallableStatement.class, result,
                        new StatementHandler((Statement) result, (String) args[0]));
                case "createStatement" -> proxy(Statement.class, result, new StatementHandler((Statement) result, null));
                default -> result;
            };
        }
    }

    private record StatementHandler(Statement real, String preparedSql) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (EXECUTING.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                Thread thread = Thread.currentThread();
                LOG.add(new Executed(sql, thread.getName(), thread.isVirtual()));
            }
            return CountingDriver.invoke(real, method, args);
        }
    }
}
