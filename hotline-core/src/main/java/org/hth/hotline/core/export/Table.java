package org.hth.hotline.core.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Rows under named columns; a cell is a {@link String}, a {@link Number}, a {@link Boolean} or {@code null}.
 * Immutable.
 *
 * @param columns the column names
 * @param rows    the rows, each as long as {@code columns}
 */
public record Table(List<String> columns, List<List<Object>> rows) {
    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("a row of " + row.size() + " cells under " + columns.size()
                        + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
