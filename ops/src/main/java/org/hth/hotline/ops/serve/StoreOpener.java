package org.hth.hotline.ops.serve;

import java.nio.file.Path;
import java.time.Clock;

import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.redis.RedisStore;
import org.hth.hotline.core.store.sqlite.SqliteStore;

/** Opens the store adapter the configuration names. */
final class StoreOpener {
    /** Every Redis key of this server starts with this. */
    static final String REDIS_PREFIX = "hotline:";

    private StoreOpener() {
    }

    static Store open(HotlineConfig config, Clock clock) {
        try {
            return switch (config.store()) {
                case SQLITE -> SqliteStore.open(sqliteFile(config), clock);
                case REDIS -> RedisStore.open(config.redis().url(), config.redis().timeout(), REDIS_PREFIX, clock);
            };
        } catch (StoreException e) {
            String key = switch (config.store()) {
                case SQLITE -> "dataDir";
                case REDIS -> "redis.url";
            };
            throw new StartupException(key + ": the store cannot be opened: " + e.getMessage(), e);
        }
    }

    static Path sqliteFile(HotlineConfig config) {
        return config.dataDir().resolve("hotline.db");
    }
}
