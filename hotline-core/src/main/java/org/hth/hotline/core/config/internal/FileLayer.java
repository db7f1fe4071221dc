package org.hth.hotline.core.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Lays a YAML file over the tree: known leaves are replaced; unknown keys, secrets and values of the wrong shape
 * become problems. Stateless.
 */
public final class FileLayer {
    /** Keys that would hold a secret, and the variable to use instead. */
    static final Map<String, String> SECRET_KEYS = Map.of(
            "ami.secret", "HOTLINE_AMI_SECRET",
            "secrets.pseudonymKey", "HOTLINE_PSEUDONYM_KEY",
            "secrets.encryptionKey", "HOTLINE_ENCRYPTION_KEY");

    private FileLayer() {
    }

    /** Reads {@code file} and lays it over {@code tree}; every problem goes to {@code problems}. */
    public static void apply(Path file, SettingsTree tree, Problems problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            problems.add(file.toString(), "the configuration file does not exist", "an existing YAML file");
            return;
        } catch (IOException e) {
            problems.add(file.toString(), "cannot be read (" + e.getClass().getSimpleName() + ")", "a readable file");
            return;
        }
        YamlSource source;
        try {
            source = YamlSource.parse(file, text);
        } catch (YamlSource.MalformedYamlException e) {
            problems.add(file.toString(), "malformed YAML at line " + e.line() + ", column " + e.column()
                    + ": " + e.getMessage(), "valid YAML");
            return;
        }
        JsonNode root = source.root();
        if (root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!root.isObject()) {
            problems.add(file.toString(), "is not a mapping of keys", "keys such as dataDir: and console:");
            return;
        }
        walk("", root, source, tree, problems);
    }

    private static void walk(String prefix, JsonNode node, YamlSource source, SettingsTree tree, Problems problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            Optional<String> where = source.describe(path);
            if (SECRET_KEYS.containsKey(path)) {
                String env = SECRET_KEYS.get(path);
                problems.add(path, "secrets are not read from the configuration file",
                        "env " + env + ", or a file named by " + env + "_FILE", where);
            } else if (tree.isSection(path)) {
                if (value.isObject()) {
                    walk(path, value, source, tree, problems);
                } else if (!value.isNull()) {
                    problems.add(path, "is a single value", "a mapping with keys " + tree.children(path), where);
                }
            } else if (tree.isLeaf(path)) {
                if (value.isObject()) {
                    problems.add(path, "is a mapping", "a single value", where);
                } else {
                    tree.put(path, new Setting(value, where));
                }
            } else {
                problems.add(path, "unknown key" + KeySuggester.didYouMean(path, tree.allKeys()),
                        expectedKeys(prefix, tree), where);
            }
        }
    }

    private static String expectedKeys(String section, SettingsTree tree) {
        String names = String.join(", ", tree.children(section));
        return section.isEmpty() ? "a top-level key: " + names : "a key of " + section + ": " + names;
    }
}
