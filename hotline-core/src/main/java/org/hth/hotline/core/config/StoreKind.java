package org.hth.hotline.core.config;

/** Which store adapter the server uses; written {@code sqlite} or {@code redis} in YAML and env. */
public enum StoreKind {
    /** The embedded default: a SQLite file under the data directory. */
    SQLITE,
    /** Redis, for production and for several nodes. */
    REDIS
}
