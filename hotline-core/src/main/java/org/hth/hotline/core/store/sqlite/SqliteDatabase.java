package org.hth.hotline.core.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.hth.hotline.core.store.StoreException;
import org.sqlite.SQLiteConfig;

/**
 * The connections to one database file: a single write connection, guarded by a lock, on which every
 * write (and every read-modify-write) runs in an {@code IMMEDIATE} transaction, writes that wait for one
 * another committed together, each in its own savepoint (see {@link #write}); and a small pool of
 * read-only connections, which WAL mode lets read a committed snapshot while a write is under way. Every
 * connection keeps its prepared statements ({@link StatementCache}). Thread-safe.
 */
final class SqliteDatabase implements AutoCloseable {
    /** Work to run on a connection, inside a transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    static final int READERS = 4;
    private static final int BUSY_TIMEOUT_MILLIS = 5_000;
    private static final long BORROW_TIMEOUT_SECONDS = 30;

    private final Path file;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Queue<QueuedWrite<?>> queued = new ConcurrentLinkedQueue<>();
    private final Connection writer;
    private final WalCheckpointer checkpointer;
    private final int readerCount;
    private final BlockingQueue<Connection> readers;
    private volatile boolean closed;

    private SqliteDatabase(Path file, Connection writer, List<Connection> readers, WalCheckpointer checkpointer) {
        this.file = file;
        this.writer = writer;
        this.checkpointer = checkpointer;
        this.readerCount = readers.size();
        this.readers = new ArrayBlockingQueue<>(readerCount, false, readers);
    }

    /**
     * Opens the write connection (which switches the file to WAL mode), then the readers, then the checkpointer's
     * connection ({@link WalCheckpointer}: the writer checkpoints only as a safety net).
     */
    static SqliteDatabase open(Path file) {
        Connection writer = connect(file, false);
        List<Connection> readers = new ArrayList<>();
        try {
            execute(writer, "PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_PAGES);
            for (int i = 0; i < READERS; i++) {
                readers.add(connect(file, true));
            }
            return new SqliteDatabase(file, writer, readers, WalCheckpointer.start(file, connect(file, false)));
        } catch (SQLException | StoreException e) {
            List<SQLException> ignored = new ArrayList<>();
            readers.forEach(reader -> closeQuietly(reader, ignored));
            closeQuietly(writer, ignored);
            StoreException failure = e instanceof StoreException store ? store
                    : new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
            ignored.forEach(failure::addSuppressed);
            throw failure;
        }
    }

    /**
     * One connection, left in auto-commit mode: transactions are begun explicitly (the driver's own
     * non-auto-commit mode would hold a transaction open between uses, and on the writer the write lock).
     */
    private static Connection connect(Path file, boolean reader) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        // no generated keys are read: without this, the driver runs a query for them after every INSERT or UPDATE
        config.setGetGeneratedKeys(false);
        try {
            Connection connection = config.createConnection("jdbc:sqlite:" + file);
            if (reader) {
                try (var statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = ON");
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
            }
            return StatementCache.wrap(connection);
        } catch (SQLException e) {
            throw new StoreException("cannot open SQLite database " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /**
     * Runs {@code work} in a transaction on the write connection and returns once that transaction is committed
     * (or throws what the work threw, with nothing of it written). Writes that come in while another is under
     * way are committed together (a group commit): the next writer to take the connection runs every write
     * waiting by then in one transaction, each in a savepoint of its own, so that a write that fails is rolled
     * back alone and the others still commit; every writer of the group is answered only after the commit.
     */
    <T> T write(String what, Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            // a write inside a write's work would begin a transaction inside the group's (and take others' with it)
            throw new IllegalStateException("SQLite " + file + ": cannot " + what + " inside another write");
        }
        QueuedWrite<T> mine = new QueuedWrite<>(what, work);
        queued.add(mine);
        writeLock.lock();
        try {
            if (!mine.done()) {
                commitGroup();
                checkpointer.committed();
            }
        } finally {
            writeLock.unlock();
        }
        return mine.outcome();
    }

    /** How many writes wait for the write connection (for tests). */
    int waitingWrites() {
        return queued.size();
    }

    /** Runs every queued write, one transaction for them all; holds the write lock. */
    private void commitGroup() {
        List<QueuedWrite<?>> group = new ArrayList<>();
        for (QueuedWrite<?> next = queued.poll(); next != null; next = queued.poll()) {
            group.add(next);
        }
        try {
            if (closed) {
                group.forEach(w -> w.fail(new StoreException("SQLite " + file + " is closed")));
            } else if (group.size() == 1) {
                commitAlone(group.get(0));
            } else {
                commitTogether(group);
            }
        } finally {
            // a write left unanswered by an Error is not written: its writer must not wait or believe otherwise
            group.stream().filter(w -> !w.done()).forEach(w -> w.fail(new StoreException("SQLite " + file
                    + ": cannot " + w.what + ": its transaction was abandoned")));
        }
    }

    private <T> void commitAlone(QueuedWrite<T> write) {
        try {
            write.succeed(inTransaction(writer, "BEGIN IMMEDIATE", write.what, write.work));
        } catch (RuntimeException e) {
            write.fail(e);
        }
    }

    private void commitTogether(List<QueuedWrite<?>> group) {
        try {
            execute(writer, "BEGIN IMMEDIATE");
        } catch (SQLException e) {
            group.forEach(w -> w.fail(failed(w.what, e)));
            return;
        }
        List<Runnable> answers = new ArrayList<>(group.size());
        try {
            for (QueuedWrite<?> write : group) {
                answers.add(inSavepoint(write));
            }
            execute(writer, "COMMIT");
        } catch (SQLException | RuntimeException e) {
            // the transaction as a whole is lost (a savepoint could not be set or rolled back to, or the commit
            // failed): none of the group is written, even those that ran without fault
            rollback(writer, e);
            group.stream().filter(w -> !w.done()).forEach(w -> w.fail(failed(w.what, e)));
            return;
        } catch (Error e) {
            rollback(writer, new IllegalStateException(e));
            throw e;
        }
        answers.forEach(Runnable::run);
    }

    /**
     * Runs one write of a group in a savepoint: a failed write is rolled back to it and answered at once (nothing
     * of it is written); a successful one is answered by the returned action, after the commit.
     *
     * @throws SQLException when the savepoint cannot be set, released or rolled back to: the transaction is lost
     */
    private <T> Runnable inSavepoint(QueuedWrite<T> write) throws SQLException {
        execute(writer, "SAVEPOINT queued_write");
        T result;
        try {
            result = write.work.run(writer);
        } catch (SQLException e) {
            rollbackToSavepoint();
            write.fail(failed(write.what, e));
            return () -> { };
        } catch (RuntimeException e) {
            rollbackToSavepoint();
            write.fail(e);
            return () -> { };
        }
        execute(writer, "RELEASE queued_write");
        return () -> write.succeed(result);
    }

    private void rollbackToSavepoint() throws SQLException {
        execute(writer, "ROLLBACK TO queued_write");
        execute(writer, "RELEASE queued_write");
    }

    /** Runs {@code work} in a read transaction (one consistent snapshot) on a pooled read connection. */
    <T> T read(String what, Work<T> work) {
        ensureOpen();
        Connection reader = borrow(what);
        try {
            ensureOpen();
            return inTransaction(reader, "BEGIN DEFERRED", what, work);
        } finally {
            readers.add(reader);
        }
    }

    private <T> T inTransaction(Connection connection, String begin, String what, Work<T> work) {
        try {
            execute(connection, begin);
        } catch (SQLException e) {
            throw failed(what, e);
        }
        try {
            T result = work.run(connection);
            execute(connection, "COMMIT");
            return result;
        } catch (SQLException e) {
            rollback(connection, e);
            throw failed(what, e);
        } catch (RuntimeException e) {
            rollback(connection, e);
            throw e;
        }
    }

    /** What a write or read that failed with {@code e} throws (SQLite's message names no data). */
    private StoreException failed(String what, Exception e) {
        return new StoreException("SQLite " + file + ": cannot " + what + ": " + e.getMessage(), e);
    }

    private static void rollback(Connection connection, Exception failure) {
        try {
            execute(connection, "ROLLBACK");
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /** Runs one statement without parameters, such as {@code BEGIN} or {@code COMMIT}: kept prepared by the cache. */
    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.prepareStatement(sql)) {
            statement.execute();
        }
    }

    private Connection borrow(String what) {
        try {
            Connection reader = readers.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (reader == null) {
                throw new StoreException("SQLite " + file + ": cannot " + what + ": no read connection free after "
                        + BORROW_TIMEOUT_SECONDS + " s");
            }
            return reader;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("SQLite " + file + ": interrupted waiting to " + what, e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("SQLite " + file + " is closed");
        }
    }

    /**
     * Closes every connection, waiting for the reads and the write under way. The write connection
     * runs {@code PRAGMA optimize} first, as SQLite advises for long-lived connections.
     */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            checkpointer.close();
            List<SQLException> failures = new ArrayList<>();
            for (int i = 0; i < readerCount; i++) {
                Connection reader = readers.poll(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (reader != null) {
                    closeQuietly(reader, failures);
                }
            }
            try {
                execute(writer, "PRAGMA optimize");
            } catch (SQLException e) {
                failures.add(e);
            }
            closeQuietly(writer, failures);
            if (!failures.isEmpty()) {
                StoreException failure = new StoreException("SQLite " + file + ": failed to close cleanly",
                        failures.get(0));
                failures.subList(1, failures.size()).forEach(failure::addSuppressed);
                throw failure;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("SQLite " + file + ": interrupted while closing", e);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection, List<SQLException> failures) {
        try {
            connection.close();
        } catch (SQLException e) {
            failures.add(e);
        }
    }

    /**
     * One write waiting for, or answered by, a group commit. Answered under the write lock, read by its writer
     * after taking that lock (or, for the outcome, after releasing it), so the lock orders both.
     */
    private static final class QueuedWrite<T> {
        private final String what;
        private final Work<T> work;
        private boolean done;
        private T result;
        private RuntimeException failure;

        QueuedWrite(String what, Work<T> work) {
            this.what = what;
            this.work = work;
        }

        boolean done() {
            return done;
        }

        void succeed(T value) {
            result = value;
            done = true;
        }

        void fail(RuntimeException e) {
            failure = e;
            done = true;
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }
}
