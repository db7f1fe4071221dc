package org.hth.hotline.ops.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Looks for a caller's number, in any of its written forms, where it must never be: every text column of every
 * table of the SQLite store (records, tickets and their JSON), the log lines, and the Prometheus metrics.
 */
final class CallerNumberScan {
    private final List<String> forms;

    /**
     * @param forms the number as written, e.g. {@code 3331234567} (which every digits-only form contains) and
     *              {@code 333 123 4567}
     */
    CallerNumberScan(String... forms) {
        this.forms = List.of(forms);
    }

    void assertNotInStore(Path dataDir) throws SQLException {
        for (String text : storeText(dataDir.resolve("hotline.db"))) {
            for (String form : forms) {
                assertThat(text).as("a stored value").doesNotContain(form);
            }
        }
    }

    void assertNotInLogs(List<String> lines) {
        assertThat(lines).as("log lines").isNotEmpty();
        for (String form : forms) {
            assertThat(lines).noneSatisfy(line -> assertThat(line).contains(form));
        }
    }

    void assertNotInMetrics(int consolePort) throws IOException, InterruptedException {
        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + consolePort + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("hotline_");
        for (String form : forms) {
            assertThat(metrics.body()).doesNotContain(form);
        }
    }

    /** Every non-null value of every table, as text (the store's JSON documents included). */
    static List<String> storeText(Path database) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + database);
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            String value = rs.getString(i);
                            if (value != null) {
                                values.add(value);
                            }
                        }
                    }
                }
            }
        }
        return values;
    }
}
