package org.hth.hotline.core.store.sqlite;

import java.nio.file.Path;

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
}
