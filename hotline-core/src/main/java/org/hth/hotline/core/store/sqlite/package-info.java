/**
 * The SQLite adapter of the store port: the embedded default, one database file in WAL mode, its schema
 * migrated by versioned SQL scripts under {@code db/sqlite/}. Open it with {@link SqliteStore#open}.
 */
package org.hth.hotline.core.store.sqlite;
