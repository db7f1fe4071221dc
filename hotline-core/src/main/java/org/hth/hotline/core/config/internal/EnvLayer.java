package org.hth.hotline.core.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Lays environment variables over the tree: for every leaf key, {@link EnvNames#of} its path, plus the short
 * documented aliases of the key-file settings. Values stay text; the typed reader converts them. Stateless.
 */
public final class EnvLayer {
    /** Shorter names documented for the key files, accepted besides the generic {@code HOTLINE_SECRETS_…}. */
    static final Map<String, String> ALIASES = Map.of(
            "secrets.pseudonymKeyFile", "HOTLINE_PSEUDONYM_KEY_FILE",
            "secrets.encryptionKeyFile", "HOTLINE_ENCRYPTION_KEY_FILE");

    private EnvLayer() {
    }

    /** Every leaf key and the variable(s) that override it, in the defaults' order. */
    public static Map<String, String> names(SettingsTree tree) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : tree.leafKeys()) {
            String generic = EnvNames.of(key);
            names.put(key, ALIASES.containsKey(key) ? ALIASES.get(key) + " or " + generic : generic);
        }
        return names;
    }

    /** Replaces each leaf whose variable is set; two different values for one key are a problem. */
    public static void apply(Map<String, String> env, SettingsTree tree, Problems problems) {
        for (String key : tree.leafKeys()) {
            String generic = EnvNames.of(key);
            String alias = ALIASES.get(key);
            String genericValue = env.get(generic);
            String aliasValue = alias == null ? null : env.get(alias);
            if (genericValue != null && aliasValue != null && !genericValue.equals(aliasValue)) {
                problems.add(key, "is set differently in " + alias + " and " + generic, "only one of them",
                        Optional.of("env " + alias));
            } else if (aliasValue != null) {
                tree.put(key, new Setting(TextNode.valueOf(aliasValue), Optional.of("env " + alias)));
            } else if (genericValue != null) {
                tree.put(key, new Setting(TextNode.valueOf(genericValue), Optional.of("env " + generic)));
            }
        }
    }
}
