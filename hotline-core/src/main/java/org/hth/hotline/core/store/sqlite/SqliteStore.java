package org.hth.hotline.core.store.sqlite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

import org.hth.hotline.core.store.AuditStore;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.OutboxStore;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.TicketStore;
import org.hth.hotline.core.store.UserStore;

/**
 * The embedded store: one SQLite file in WAL mode ({@code synchronous=NORMAL}, foreign keys on, a busy
 * timeout), its schema brought up to date by {@link Migrations} when it opens. Writes run one at a time
 * on a single write connection; reads run on a small pool of read connections, alongside the writes.
 * Thread-safe; every method blocks on disk I/O, so call it from a worker thread, never an event loop.
 */
public final class SqliteStore implements Store {
    private final SqliteDatabase database;
    private final CallStore calls;
    private final RosterStore roster;
    private final TicketStore tickets;
    private final OutboxStore outbox;
    private final UserStore users;
    private final AuditStore audit;

    private SqliteStore(SqliteDatabase database, Clock clock) {
        this.database = database;
        JsonColumn json = new JsonColumn();
        OutboxRows outboxRows = new OutboxRows(json);
        this.calls = new SqliteCallStore(database, json);
        this.roster = new SqliteRosterStore(database, json);
        this.tickets = new SqliteTicketStore(database, json, outboxRows);
        this.outbox = new SqliteOutboxStore(database, json, outboxRows, clock);
        this.users = new SqliteUserStore(database, json);
        this.audit = new SqliteAuditStore(database, json);
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
    public CallStore calls() {
        return calls;
    }

    @Override
    public RosterStore roster() {
        return roster;
    }

    @Override
    public TicketStore tickets() {
        return tickets;
    }

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    @Override
    public UserStore users() {
        return users;
    }

    @Override
    public AuditStore audit() {
        return audit;
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
