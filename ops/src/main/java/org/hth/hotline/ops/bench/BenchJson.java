package org.hth.hotline.ops.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The result as JSON ({@code target/bench.json}): when, the machine, whether quick, and one object per row
 * with the median, min, max and run count of the value and of the baseline. Thread-safe.
 */
public final class BenchJson {
    private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The document as a tree. */
    public ObjectNode document(Instant at, Machine machine, boolean quick, List<Row> rows) {
        ObjectNode root = mapper.createObjectNode();
        root.put("at", at.toString());
        root.put("quick", quick);
        ObjectNode m = root.putObject("machine");
        m.put("cores", machine.cores());
        m.put("cpu", machine.cpu());
        m.put("jvm", machine.jvm());
        m.put("os", machine.os());
        m.put("maxHeapMb", machine.maxHeap());
        ArrayNode array = root.putArray("rows");
        for (Row row : rows) {
            ObjectNode r = array.addObject();
            r.put("scenario", row.scenario());
            r.put("figure", row.figure());
            r.put("unit", row.unit());
            spread(r, "value", row.value());
            row.baselineLabel().ifPresentOrElse(label -> r.put("baselineLabel", label), () -> r.putNull("baselineLabel"));
            spread(r, "baseline", row.baseline());
            row.ratio().ifPresentOrElse(ratio -> r.put("ratio", ratio), () -> r.putNull("ratio"));
            r.put("target", row.target());
            r.put("verdict", row.verdict().name());
            r.put("note", row.note());
        }
        return root;
    }

    /** Writes the document, creating the parent directory. */
    public void write(Path file, Instant at, Machine machine, boolean quick, List<Row> rows) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            mapper.writeValue(file.toFile(), document(at, machine, quick, rows));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void spread(ObjectNode row, String field, Optional<Spread> spread) {
        if (spread.isEmpty()) {
            row.putNull(field);
            return;
        }
        ObjectNode s = row.putObject(field);
        s.put("median", spread.get().median());
        s.put("min", spread.get().min());
        s.put("max", spread.get().max());
        s.put("runs", spread.get().runs());
    }
}
