package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationsTest {
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(T0);

    @Test
    void migrationsRunOnceAndAreRecorded() {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, clock).close();

        assertThat(versions(file)).containsExactly("1 initial " + T0, "2 destination overrides " + T0,
                "3 call rollup " + T0, "4 outbox columns " + T0, "5 outbox due index " + T0,
                "6 drop unused destination index " + T0);
    }

    @Test
    void reopeningDoesNotRunThemAgain() {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, clock).close();
        clock.advance(Duration.ofDays(1));
        SqliteStore.open(file, clock).close();

        assertThat(versions(file)).containsExactly("1 initial " + T0, "2 destination overrides " + T0,
                "3 call rollup " + T0, "4 outbox columns " + T0, "5 outbox due index " + T0,
                "6 drop unused destination index " + T0);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            assertThat(Migrations.apply(database, clock)).isZero();
        }
    }

    @Test
    void aDatabaseNewerThanTheCodeIsRefused() throws SQLException {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, clock).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = c.createStatement()) {
            statement.executeUpdate("INSERT INTO schema_version VALUES (99, 'from the future', '2030-01-01T00:00:00Z')");
        }

        assertThatThrownBy(() -> SqliteStore.open(file, clock))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer");
    }

    @Test
    void theFileIsInWalMode() throws SQLException {
        Path file = dir.resolve("hotline.db");
        try (SqliteStore store = SqliteStore.open(file, clock);
             Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = c.createStatement();
             ResultSet rs = statement.executeQuery("PRAGMA journal_mode")) {
            store.ping();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
        }
    }

    @Test
    void scriptsSplitAtLinesEndingWithASemicolon() {
        String script = "-- a comment\nCREATE TABLE a (x INTEGER);\n\nCREATE INDEX a_x\n    ON a (x);\n";

        assertThat(Migrations.statements(script))
                .containsExactly("CREATE TABLE a (x INTEGER);", "CREATE INDEX a_x\n    ON a (x);");
    }

    @Test
    void theScriptsAreInStrictlyRisingVersionOrderAndTheNewestIsTheLatest() {
        List<Integer> versions = Migrations.SCRIPTS.stream().map(s -> Migrations.Migration.of(s).version()).toList();

        assertThat(versions).isSorted().doesNotHaveDuplicates();
        assertThat(Migrations.latest()).isEqualTo(versions.get(versions.size() - 1));
    }

    private static List<String> versions(Path file) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var statement = c.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT version, description, applied_at FROM schema_version ORDER BY version")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
