package org.hth.hotline.core.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log back into the database file on a thread and connection of its own, so that the
 * writer, which holds the write lock, never does it. Left to SQLite, the commit that fills the log past 1,000
 * pages copies them and waits for two {@code fsync}s while every other writer waits for it (a third of the time
 * a referral held the lock). Here a {@code PASSIVE} checkpoint runs at most every {@link #EVERY} after commits
 * (the writer goes on appending while it runs); the writer's own automatic checkpoint stays as a safety net at
 * {@value #WRITER_PAGES} pages, should this thread fall behind or fail.
 * Thread-safe.
 */
final class WalCheckpointer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    static final Duration EVERY = Duration.ofMillis(200);
    /** The writer's own automatic checkpoint, in pages (SQLite's default is 1,000). */
    static final int WRITER_PAGES = 10_000;

    private final Path file;
    private final Connection connection;
    private final ScheduledExecutorService thread;
    private final AtomicLong commits = new AtomicLong();
    private long checkpointedUpTo;
    /** Whether the last checkpoint failed; only the checkpoint thread reads and writes it. */
    private boolean failing;

    private WalCheckpointer(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "sqlite-checkpoint");
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.thread = executor;
    }

    /** Starts checkpointing {@code file} on {@code connection}, which it closes when closed. */
    static WalCheckpointer start(Path file, Connection connection) {
        WalCheckpointer checkpointer = new WalCheckpointer(file, connection);
        checkpointer.thread.scheduleWithFixedDelay(checkpointer::checkpointIfWritten, EVERY.toMillis(),
                EVERY.toMillis(), TimeUnit.MILLISECONDS);
        return checkpointer;
    }

    /** Called after each commit. */
    void committed() {
        commits.incrementAndGet();
    }

    private void checkpointIfWritten() {
        long now = commits.get();
        if (now == checkpointedUpTo) {
            return;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
            checkpointedUpTo = now;
            if (failing) {
                LOG.info("SQLite {}: WAL checkpoints work again", file);
            }
            failing = false;
            if (LOG.isDebugEnabled() && result.next()) {
                LOG.debug("SQLite {}: WAL checkpoint: {} of {} pages copied", file, result.getInt(3),
                        result.getInt(2));
            }
        } catch (SQLException e) {
            if (!failing) {
                LOG.warn("SQLite {}: WAL checkpoint failed, the writer checkpoints at {} pages instead: {}", file,
                        WRITER_PAGES, e.getMessage());
            }
            failing = true;
        }
    }

    /** Stops the thread, waiting for a checkpoint under way, and closes its connection. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("SQLite {}: a WAL checkpoint still runs after 30 s; closing its connection", file);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("SQLite {}: closing the checkpoint connection failed: {}", file, e.getMessage());
        }
    }
}
