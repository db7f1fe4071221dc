package org.hth.hotline.core.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes a {@link Table} as CSV (RFC 4180, CRLF, every text cell quoted when it needs to be) or as a JSON array of
 * objects. A text cell that a spreadsheet would read as a formula (starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return) is neutralised with a leading apostrophe. Stateless; thread-safe.
 */
public final class TableWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableWriter() {
    }

    public static void csv(Table table, Writer out) {
        try {
            line(table.columns(), out);
            for (List<Object> row : table.rows()) {
                line(row, out);
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String csv(Table table) {
        java.io.StringWriter out = new java.io.StringWriter();
        csv(table, out);
        return out.toString();
    }

    public static String json(Table table) {
        List<Map<String, Object>> objects = table.rows().stream().map(row -> {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < row.size(); i++) {
                object.put(table.columns().get(i), row.get(i));
            }
            return object;
        }).toList();
        try {
            return JSON.writeValueAsString(objects);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
