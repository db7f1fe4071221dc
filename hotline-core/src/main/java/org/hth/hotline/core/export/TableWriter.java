package org.hth.hotline.core.export;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes an export, row by row as it comes ({@link RowWriter}) or a whole {@link Table}, as CSV (RFC 4180, CRLF, every text cell quoted when it needs to be) or as a JSON array of
 * objects. A text cell that a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) is neutralised with a leading apostrophe. Stateless; thread-safe.
 */
public final class TableWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableWriter() {
    }

    /** Writes the header now, then a CSV line per row. */
    public static RowWriter csv(List<String> columns, Writer out) {
        unchecked(() -> line(columns, out));
        return rows(cells -> line(cells, out), out::flush);
    }

    /** Opens a JSON array now, then writes an object per row (the columns as its keys). */
    public static RowWriter json(List<String> columns, Writer out) {
        JsonGenerator json;
        try {
            json = JSON.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.writeStartArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows(cells -> {
            json.writeStartObject();
            for (int i = 0; i < cells.size(); i++) {
                json.writeObjectField(columns.get(i), cells.get(i));
            }
            json.writeEndObject();
        }, () -> {
            json.writeEndArray();
            json.flush();
        });
    }

    /** A row writer of these two writes, their I/O failures unchecked. */
    private static RowWriter rows(IoWrite<List<Object>> row, IoAction finish) {
        return new RowWriter() {
            @Override
            public void row(List<Object> cells) {
                unchecked(() -> row.write(cells));
            }

            @Override
            public void finish() {
                unchecked(finish);
            }
        };
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface IoAction {
        void run() throws IOException;
    }

    @FunctionalInterface
    private interface IoWrite<T> {
        void write(T value) throws IOException;
    }

    public static void csv(Table table, Writer out) {
        write(table, csv(table.columns(), out));
    }

    public static String csv(Table table) {
        StringWriter out = new StringWriter();
        csv(table, out);
        return out.toString();
    }

    public static String json(Table table) {
        StringWriter out = new StringWriter();
        write(table, json(table.columns(), out));
        return out.toString();
    }

    private static void write(Table table, RowWriter writer) {
        table.rows().forEach(writer::row);
        writer.finish();
    }

    /** One CSV cell: numbers and booleans as they are, text neutralised and quoted when needed. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        String text = neutralise(value.toString());
        boolean quote = text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** The text with a leading apostrophe when a spreadsheet would run it as a formula. */
    public static String neutralise(String text) {
        if (text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private static void line(List<?> cells, Writer out) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }
}
