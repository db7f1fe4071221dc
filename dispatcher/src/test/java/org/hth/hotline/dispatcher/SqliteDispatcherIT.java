package org.hth.hotline.dispatcher;

import java.nio.file.Path;

import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.sqlite.SqliteStore;
import org.junit.jupiter.api.io.TempDir;

/** The dispatcher scenarios on SQLite, a fresh file per test. */
class SqliteDispatcherIT extends AbstractDispatcherIT {
    @TempDir
    Path dir;

    @Override
    protected Store openStore() {
        return SqliteStore.open(dir.resolve("hotline.db"), clock);
    }
}
