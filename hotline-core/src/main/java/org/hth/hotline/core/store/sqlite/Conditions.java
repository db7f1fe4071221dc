package org.hth.hotline.core.store.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code WHERE} clause built from optional filters, with its parameters in order. Not thread-safe: one
 * per query.
 */
final class Conditions {
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    /** Adds a condition with its {@code ?} parameters. */
    Conditions add(String clause, Object... values) {
        clauses.add(clause);
        parameters.addAll(Arrays.asList(values));
        return this;
    }

    /** {@code " WHERE a AND b"}, or nothing when there is no condition. */
    String sql() {
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /**
     * Binds the parameters from index 1.
     *
     * @return the index of the next parameter
     */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object value : parameters) {
            statement.setObject(index++, value);
        }
        return index;
    }
}
