package org.hth.hotline.core.store.sqlite;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection that keeps the statements it has prepared: {@code prepareStatement(sql)} hands back the statement
 * compiled for that SQL before, when it is not in use, instead of compiling it again (the driver compiles on
 * every call, and compiling was about a sixth of the time the write connection was held per referral). Closing a
 * handed-out statement closes its open result set (which resets it, so it holds no read snapshot), clears its
 * parameters and keeps it for the next use; a statement asked for while its cached copy is in use (a query run
 * inside the loop of the same query) is prepared afresh and closed for real. The least recently used statements
 * beyond {@value #CAPACITY} are closed. Closing the connection closes them all.
 * <p>
 * For one thread at a time, as the database's connections are used: the writer under its lock, a reader while
 * borrowed. Only {@code prepareStatement(String)} is cached; every other call goes to the driver's connection.
 */
final class StatementCache implements InvocationHandler {
    static final int CAPACITY = 128;

    private final Connection connection;
    private final Map<String, Kept> kept = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            eldest.getValue().evict();
            return true;
        }
    };
    private Connection self;

    private StatementCache(Connection connection) {
        this.connection = connection;
    }

    /** {@code connection}, keeping its prepared statements. */
    static Connection wrap(Connection connection) {
        StatementCache cache = new StatementCache(connection);
        cache.self = (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class}, cache);
        return cache.self;
    }

    /** How many statements are kept (for tests). */
    static int size(Connection wrapped) {
        return ((StatementCache) Proxy.getInvocationHandler(wrapped)).kept.size();
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (isIdentity(method)) {
            return identity(proxy, method, args);
        }
        switch (method.getName()) {
            case "prepareStatement":
                if (args.length == 1) {
                    return prepare((String) args[0]);
                }
                break;
            case "close":
                closeAll();
                break;
            default:
                break;
        }
        return call(connection, method, args);
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        Kept statement = kept.get(sql);
        if (statement == null) {
            statement = new Kept(sql, connection.prepareStatement(sql));
            kept.put(sql, statement);
        } else if (statement.inUse) {
            return connection.prepareStatement(sql);
        }
        statement.inUse = true;
        return statement.handedOut;
    }

    /** Closes every kept statement; the first failure is thrown, with the others suppressed. */
    private void closeAll() throws SQLException {
        List<Kept> all = new ArrayList<>(kept.values());
        kept.clear();
        SQLException failure = null;
        for (Kept statement : all) {
            try {
                statement.statement.close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Whether {@code method} is {@code equals} or {@code hashCode}, which a proxy answers by its own identity. */
    private static boolean isIdentity(Method method) {
        return method.getName().equals("equals") && method.getParameterCount() == 1
                || method.getName().equals("hashCode") && method.getParameterCount() == 0;
    }

    private static Object identity(Object proxy, Method method, Object[] args) {
        return method.getName().equals("equals") ? proxy == args[0] : System.identityHashCode(proxy);
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One kept statement and the view of it that callers get. */
    private final class Kept implements InvocationHandler {
        private final String sql;
        private final PreparedStatement statement;
        private final PreparedStatement handedOut;
        private boolean inUse;
        private boolean evicted;
        private ResultSet lastResult;

        Kept(String sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
            this.handedOut = (PreparedStatement) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (isIdentity(method)) {
                return identity(proxy, method, args);
            }
            switch (method.getName()) {
                case "close":
                    giveBack();
                    return null;
                case "isClosed":
                    return !inUse || statement.isClosed();
                case "getConnection":
                    return self;
                default:
                    break;
            }
            if (!inUse) {
                throw new SQLException("statement is closed");
            }
            Object result = call(statement, method, args);
            if (result instanceof ResultSet rows) {
                lastResult = rows;
            }
            return result;
        }

        /** Ready for the next use: result set closed (the statement reset), parameters and batch cleared. */
        private void giveBack() throws SQLException {
            if (!inUse) {
                return;
            }
            inUse = false;
            if (evicted) {
                statement.close();
                return;
            }
            try {
                // a result set left open, even one never asked for after execute(), keeps the statement running
                ResultSet open = lastResult != null ? lastResult : statement.getResultSet();
                if (open != null && !open.isClosed()) {
                    open.close();
                }
                statement.clearParameters();
                statement.clearBatch();
            } catch (SQLException e) {
                // a statement that cannot be reset is not handed out again
                kept.remove(sql, this);
                statement.close();
                throw e;
            } finally {
                lastResult = null;
            }
        }

        /** Dropped from the cache: closed now if idle, else when given back. */
        void evict() {
            evicted = true;
            if (!inUse) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // an idle statement's close frees its memory only; nothing is lost when it fails
                }
            }
        }
    }
}
