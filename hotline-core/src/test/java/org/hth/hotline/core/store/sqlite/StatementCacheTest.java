package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {
    @TempDir
    Path dir;

    private Connection raw;
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        raw = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
        try (Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA journal_mode = WAL");
            statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)");
        }
        connection = StatementCache.wrap(raw);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    @Test
    void handsBackTheSameCompiledStatementWithItsParametersCleared() throws SQLException {
        insert(1, "uno");
        insert(2, "due");

        assertThat(StatementCache.size(connection)).isEqualTo(1);
        assertThat(names()).containsExactly("uno", "due");
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
            insert.setInt(1, 3);
            // the name left unset is NULL, not the previous use's "due"
            insert.executeUpdate();
        }
        assertThat(names()).containsExactly("uno", "due", null);
    }

    @Test
    void aResultSetLeftOpenIsClosedSoTheNextReaderSeesNewRows() throws Exception {
        insert(1, "uno");
        PreparedStatement select = connection.prepareStatement("SELECT name FROM item ORDER BY id");
        ResultSet rows = select.executeQuery();
        assertThat(rows.next()).isTrue();
        select.close();

        assertThat(rows.isClosed()).isTrue();
        assertThat(select.isClosed()).isTrue();
        assertThatThrownBy(select::executeQuery).isInstanceOf(SQLException.class).hasMessageContaining("closed");
        // a statement still stepping would hold its read snapshot; a second connection's write and this
        // connection's next read prove it was reset
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cache.db"));
             Statement statement = other.createStatement()) {
            statement.executeUpdate("INSERT INTO item (id, name) VALUES (2, 'due')");
        }
        assertThat(names()).containsExactly("uno", "due");
    }

    @Test
    void theSameQueryInsideItsOwnLoopGetsAStatementOfItsOwn() throws SQLException {
        insert(1, "uno");
        insert(2, "due");
        int pairs = 0;
        try (PreparedStatement outer = connection.prepareStatement("SELECT id FROM item ORDER BY id");
             ResultSet outerRows = outer.executeQuery()) {
            while (outerRows.next()) {
                try (PreparedStatement inner = connection.prepareStatement("SELECT id FROM item ORDER BY id");
                     ResultSet innerRows = inner.executeQuery()) {
                    assertThat(inner).isNotSameAs(outer);
                    while (innerRows.next()) {
                        pairs++;
                    }
                }
            }
        }
        assertThat(pairs).isEqualTo(4);
        assertThat(StatementCache.size(connection)).isEqualTo(2);
    }

    @Test
    void keepsAtMostItsCapacityClosingTheLeastRecentlyUsed() throws SQLException {
        for (int i = 0; i < StatementCache.CAPACITY + 10; i++) {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + i)) {
                select.executeQuery().close();
            }
        }
        assertThat(StatementCache.size(connection)).isEqualTo(StatementCache.CAPACITY);
    }

    @Test
    void closingTheConnectionClosesTheDriversConnection() throws SQLException {
        insert(1, "uno");
        connection.close();
        assertThat(raw.isClosed()).isTrue();
    }

    private void insert(int id, String name) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO item (id, name) VALUES (?, ?)")) {
            insert.setInt(1, id);
            insert.setString(2, name);
            insert.executeUpdate();
        }
    }

    private List<String> names() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM item ORDER BY id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
