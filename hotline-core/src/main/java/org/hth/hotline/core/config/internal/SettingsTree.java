package org.hth.hotline.core.config.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The layered key tree: starts as the bundled {@code hotline-defaults.yaml}, which also defines which keys exist
 * (a leaf whose default is empty is optional); the file and environment layers then replace leaves. Lists are
 * leaves. Not thread-safe; one per load.
 */
public final class SettingsTree {
    /** Classpath resource with the built-in defaults; same keys as {@code config/hotline.yaml}. */
    public static final String DEFAULTS_RESOURCE = "/hotline-defaults.yaml";

    private final Map<String, Setting> leaves = new LinkedHashMap<>();
    private final Map<String, List<String>> sections = new LinkedHashMap<>();
    private final Set<String> optional = new HashSet<>();

    private SettingsTree(JsonNode defaults) {
        flatten("", defaults);
    }

    /** A fresh tree holding the built-in defaults. */
    public static SettingsTree defaults() {
        try (InputStream in = SettingsTree.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + DEFAULTS_RESOURCE + " is missing from the build");
            }
            return new SettingsTree(new YAMLMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS_RESOURCE, e);
        }
    }

    private void flatten(String prefix, JsonNode node) {
        List<String> children = new ArrayList<>();
        sections.put(prefix, children);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            children.add(field.getKey());
            if (field.getValue().isObject()) {
                flatten(path, field.getValue());
            } else {
                leaves.put(path, new Setting(field.getValue(), Optional.empty()));
                if (field.getValue().isNull()) {
                    optional.add(path);
                }
            }
        }
    }

    /** Every leaf key path, in the defaults' order. */
    public Set<String> leafKeys() {
        return leaves.keySet();
    }

    /** Every key path, sections and leaves. */
    public List<String> allKeys() {
        List<String> all = new ArrayList<>(leaves.keySet());
        sections.keySet().stream().filter(s -> !s.isEmpty()).forEach(all::add);
        return all;
    }

    public boolean isLeaf(String path) {
        return leaves.containsKey(path);
    }

    public boolean isSection(String path) {
        return sections.containsKey(path);
    }

    /** The child names of a section ({@code ""} for the top level). */
    public List<String> children(String section) {
        return sections.getOrDefault(section, List.of());
    }

    /** True when the key's default is empty, i.e. the key may stay unset. */
    public boolean isOptional(String path) {
        return optional.contains(path);
    }

    public Setting get(String path) {
        Setting setting = leaves.get(path);
        if (setting == null) {
            throw new IllegalArgumentException("no such configuration key: " + path);
        }
        return setting;
    }

    public void put(String path, Setting setting) {
        get(path);
        leaves.put(path, setting);
    }
}
