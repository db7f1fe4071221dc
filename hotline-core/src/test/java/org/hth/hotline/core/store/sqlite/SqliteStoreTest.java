package org.hth.hotline.core.store.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.hth.hotline.core.store.AbstractStoreContractTest;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.io.TempDir;

/** The store contract, run against a fresh SQLite file per test. */
class SqliteStoreTest extends AbstractStoreContractTest {
    @TempDir
    Path dir;

    @Override
    protected Store openStore(MutableClock clock) {
        return SqliteStore.open(dir.resolve("data/hotline.db"), clock);
    }

    /** A trigger that aborts the statement writing that call, so the batch fails part-way through. */
    @Override
    protected void refuseCallWrites(String callId) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("data/hotline.db"));
             Statement statement = c.createStatement()) {
            statement.execute("CREATE TRIGGER refuse_call BEFORE INSERT ON call_record WHEN NEW.call_id = '"
                    + callId + "' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
