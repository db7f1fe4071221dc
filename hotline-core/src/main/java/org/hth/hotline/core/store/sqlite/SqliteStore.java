package org.hth.hotline.core.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.ComposedStore;

/**
 * The embedded store: one SQLite file in WAL mode ({@code synchronous=NORMAL}, foreign keys on, a busy
 * timeout), its schema brought up to date by {@link Migrations} when it opens. Writes run one at a time
 * on a single write connection; reads run on a small pool of read connections, alongside the writes.
 * Thread-safe; every method blocks on disk I/O, so call it from a worker thread, never an event loop.
 */
public final class SqliteStore extends ComposedStore {
    private final SqliteDatabase database;

    private SqliteStore(SqliteDatabase database, Clock clock, JsonColumn json, OutboxRows outboxRows) {
        super(new SqliteCallStore(database, json), new SqliteRosterStore(database, json),
                new SqliteTicketStore(database, json, outboxRows),
                new SqliteOutboxStore(database, json, outboxRows, clock), new SqliteUserStore(database, json),
                new SqliteAuditStore(database, json), new SqliteRetentionStore(database, json),
                new SqliteDestinationStore(database, json));
        this.database = database;
    }

    private SqliteStore(SqliteDatabase database, Clock clock, JsonColumn json) {
        this(database, clock, json, new OutboxRows());
    }

    private SqliteStore(SqliteDatabase database, Clock clock) {
        this(database, clock, new JsonColumn());
    }

    /**
     * Opens (creating it and its parent directories when missing) the database at {@code file} and
     * migrates its schema.
     *
     * @param file  the database file, e.g. {@code data/hotline.db}
     * @param clock the time for leases, due entries and the migration log
     * @throws StoreException naming the file when it cannot be created or opened, or when its schema is
     *                        newer than this code
     */
    public static SqliteStore open(Path file, Clock clock) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(clock, "clock");
        Path absolute = file.toAbsolutePath().normalize();
        Path parent = absolute.getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("cannot create directory " + parent + " for SQLite database " + absolute + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        if (Files.isDirectory(absolute)) {
            throw new StoreException("cannot open SQLite database " + absolute + ": it is a directory");
        }
        SqliteDatabase database = SqliteDatabase.open(absolute);
        try {
            Migrations.apply(database, clock);
        } catch (RuntimeException e) {
            try {
                database.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return new SqliteStore(database, clock);
    }

    @Override
    public void ping() {
        database.read("ping", c -> {
            try (var statement = c.createStatement()) {
                return statement.execute("SELECT 1");
            }
        });
    }

    @Override
    public String describe() {
        return "sqlite " + database.file();
    }

    /** Closes every connection; later calls fail with a {@link StoreException}. Idempotent. */
    @Override
    public void close() {
        database.close();
    }
}
