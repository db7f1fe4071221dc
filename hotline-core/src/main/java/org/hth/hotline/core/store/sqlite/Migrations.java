package org.hth.hotline.core.store.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hth.hotline.core.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema migrations, versioned in the code: the scripts {@code db/sqlite/V<n>__<description>.sql}
 * named in {@link #SCRIPTS}, applied in order, each in its own transaction on the write connection and
 * recorded in the {@code schema_version} table. A database whose version is newer than the newest script
 * is refused. In a script, a statement ends at a line that ends with {@code ;} (no triggers yet).
 * Stateless; thread-safe.
 */
final class Migrations {
    /** Every script, oldest first. Add the next {@code V<n>__…sql} here and under {@code resources/db/sqlite/}. */
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__destination_overrides.sql",
            "V3__call_rollup.sql", "V4__outbox_columns.sql", "V5__outbox_due_index.sql",
            "V6__drop_unused_destination_index.sql");

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");

    private Migrations() {
    }

    /** One script. */
    record Migration(int version, String description, String resource) {
        static Migration of(String script) {
            Matcher m = NAME.matcher(script);
            if (!m.matches()) {
                throw new IllegalArgumentException("bad migration script name " + script);
            }
            return new Migration(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '), "/db/sqlite/" + script);
        }
    }

    /** The version the newest script brings the schema to. */
    static int latest() {
        return Migration.of(SCRIPTS.get(SCRIPTS.size() - 1)).version();
    }

    /**
     * Brings the schema of {@code database} up to {@link #latest()}.
     *
     * @return how many migrations were applied
     * @throws StoreException when the database is newer than this code, or a script fails
     */
    static int apply(SqliteDatabase database, Clock clock) {
        database.write("create the schema_version table", c -> {
            execute(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY,"
                    + " description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            return null;
        });
        int applied = 0;
        for (String script : SCRIPTS) {
            Migration migration = Migration.of(script);
            String sql = load(migration);
            boolean ran = database.write("apply schema migration V" + migration.version(), c -> {
                int current = current(c, database);
                if (current >= migration.version()) {
                    return false;
                }
                for (String statement : statements(sql)) {
                    execute(c, statement);
                }
                try (var insert = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    insert.setInt(1, migration.version());
                    insert.setString(2, migration.description());
                    insert.setString(3, clock.instant().toString());
                    insert.executeUpdate();
                }
                return true;
            });
            if (ran) {
                applied++;
                LOG.info("SQLite {}: applied schema migration V{} ({})", database.file(), migration.version(),
                        migration.description());
            }
        }
        return applied;
    }

    /** The schema's version, refusing one newer than this code. */
    private static int current(Connection c, SqliteDatabase database) throws SQLException {
        try (var statement = c.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            int version = rs.next() ? rs.getInt(1) : 0;
            if (version > latest()) {
                throw new StoreException("SQLite " + database.file() + " has schema version " + version
                        + ", newer than this hotline (which knows up to " + latest()
                        + "): run a newer hotline, or restore a backup made by this one");
            }
            return version;
        }
    }

    private static String load(Migration migration) {
        try (InputStream in = Migrations.class.getResourceAsStream(migration.resource())) {
            if (in == null) {
                throw new StoreException("schema migration " + migration.resource() + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StoreException("cannot read schema migration " + migration.resource(), e);
        }
    }

    /** The statements of a script: comment lines dropped, each ending at a line that ends with ';'. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                statements.add(current.toString().strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
