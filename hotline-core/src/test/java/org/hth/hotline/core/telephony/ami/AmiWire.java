package org.hth.hotline.core.telephony.ami;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Reads a recorded {@code ami.wire} (CRLF messages) and its {@code ami-timeline.txt} into events built by
 * Asterisk-Java's own event builder, each with its arrival time in seconds after the recording's reference.
 */
final class AmiWire {
    private static final Pattern TIMELINE = Pattern.compile("^\\s*([0-9.]+) @\\s*(\\d+) ");

    /** One recorded event. */
    record Recorded(double seconds, Map<String, String> fields, ManagerEvent event) {
        String type() {
            return fields.get("Event");
        }

        String get(String key) {
            return fields.get(key);
        }
    }

    private AmiWire() {
    }

    static byte[] bytes(String resource) {
        try (InputStream in = AmiWire.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The events of a fixture folder ({@code 01-answered}), responses left out, in recorded order. */
    static List<Recorded> events(String folder) {
        String base = "/fixtures/asterisk/" + folder + "/";
        String wire = new String(bytes(base + "ami.wire"), StandardCharsets.UTF_8);
        Map<Integer, Double> times = new HashMap<>();
        for (String line : new String(bytes(base + "ami-timeline.txt"), StandardCharsets.UTF_8).split("\n")) {
            Matcher m = TIMELINE.matcher(line);
            if (m.find()) {
                times.put(Integer.parseInt(m.group(2)), Double.parseDouble(m.group(1)));
            }
        }
        List<Recorded> events = new ArrayList<>();
        int offset = 0;
        while (offset < wire.length()) {
            int end = wire.indexOf("\r\n\r\n", offset);
            if (end < 0) {
                break;
            }
            Map<String, String> fields = parse(wire.substring(offset, end));
            int byteOffset = wire.substring(0, offset).getBytes(StandardCharsets.UTF_8).length;
            if (fields.containsKey("Event")) {
                events.add(new Recorded(times.getOrDefault(byteOffset, 0.0), fields, build(fields)));
            }
            offset = end + 4;
        }
        return events;
    }

    static Map<String, String> parse(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : message.split("\r\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2));
            } else if (line.endsWith(":")) {
                fields.put(line.substring(0, line.length() - 1), "");
            }
        }
        return fields;
    }

    /** An event built the way Asterisk-Java builds it from the wire (keys lower-cased). */
    static ManagerEvent build(Map<String, String> fields) {
        try {
            Class<?> type = Class.forName("org.asteriskjava.manager.internal.EventBuilderImpl");
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            Object builder = constructor.newInstance();
            Method build = type.getMethod("buildEvent", Object.class, Map.class);
            build.setAccessible(true);
            Map<String, Object> lower = new HashMap<>();
            fields.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
            return (ManagerEvent) build.invoke(builder, AmiWire.class, lower);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code VarSet} on a channel, as Asterisk would send it. */
    static Map<String, String> varSet(String channel, String uniqueId, String linkedId, String variable, String value) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Event", "VarSet");
        fields.put("Privilege", "dialplan,all");
        fields.put("Channel", channel);
        fields.put("Variable", variable);
        fields.put("Value", value);
        fields.put("Uniqueid", uniqueId);
        fields.put("Linkedid", linkedId);
        return fields;
    }

    /** The message on the wire: CRLF lines and an empty line. */
    static String wire(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        fields.forEach((key, value) -> out.append(key).append(": ").append(value).append("\r\n"));
        return out.append("\r\n").toString();
    }
}
