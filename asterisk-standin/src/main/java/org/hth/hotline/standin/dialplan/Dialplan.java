package org.hth.hotline.standin.dialplan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parsed {@code extensions.conf}: contexts, extensions and their priorities ({@code exten => X,1,App(..)},
 * {@code same => n(label),App(..)}). Immutable after parsing; thread-safe.
 */
public final class Dialplan {
    private final Map<String, Map<String, List<Step>>> contexts;

    private Dialplan(Map<String, Map<String, List<Step>>> contexts) {
        this.contexts = contexts;
    }

    /** One priority: its optional label, the application and its raw arguments. */
    public record Step(String label, String application, String data) {
    }

    public static Dialplan parse(String text) {
        Map<String, Map<String, List<Step>>> contexts = new LinkedHashMap<>();
        Map<String, List<Step>> current = null;
        List<Step> lastExten = null;
        for (String raw : text.split("\n")) {
            String line = stripComment(raw).trim();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                current = contexts.computeIfAbsent(line.substring(1, line.indexOf(']')), k -> new LinkedHashMap<>());
                lastExten = null;
            } else if (current != null && line.startsWith("exten")) {
                String body = line.substring(line.indexOf("=>") + 2).trim();
                int c1 = body.indexOf(',');
                lastExten = current.computeIfAbsent(body.substring(0, c1).trim(), k -> new ArrayList<>());
                lastExten.add(step(body.substring(c1 + 1)));
            } else if (lastExten != null && line.startsWith("same")) {
                lastExten.add(step(line.substring(line.indexOf("=>") + 2).trim()));
            }
        }
        return new Dialplan(contexts);
    }

    private static Step step(String priorityAndApp) {
        int comma = priorityAndApp.indexOf(',');
        String priority = priorityAndApp.substring(0, comma).trim();
        String app = priorityAndApp.substring(comma + 1).trim();
        String label = "";
        int open = priority.indexOf('(');
        if (open >= 0) {
            label = priority.substring(open + 1, priority.indexOf(')'));
        }
        int paren = app.indexOf('(');
        if (paren < 0) {
            return new Step(label, app, "");
        }
        return new Step(label, app.substring(0, paren), app.substring(paren + 1, app.lastIndexOf(')')));
    }

    private static String stripComment(String line) {
        int semi = line.indexOf(';');
        return semi < 0 ? line : line.substring(0, semi);
    }

    /** The priorities of {@code exten} in {@code context}, in order (index 0 is priority 1). */
    public Optional<List<Step>> extension(String context, String exten) {
        return Optional.ofNullable(contexts.getOrDefault(context, Map.of()).get(exten)).map(List::copyOf);
    }
}
