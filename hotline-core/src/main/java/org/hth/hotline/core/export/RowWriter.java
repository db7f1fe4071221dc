package org.hth.hotline.core.export;

import java.util.List;

/**
 * An export written as its rows come ({@link TableWriter#csv(List, java.io.Writer)},
 * {@link TableWriter#json(List, java.io.Writer)}), so that an export of any length holds one page of records in
 * memory, not the whole file. Not thread-safe.
 */
public interface RowWriter {

    /** Writes one row, its cells in the order of the columns. */
    void row(List<Object> cells);

    /** Ends the document (the JSON array) and flushes; the writer is not closed. */
    void finish();
}
