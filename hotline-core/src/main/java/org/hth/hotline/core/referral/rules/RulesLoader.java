package org.hth.hotline.core.referral.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Urgency;

/**
 * Reads {@code referral-rules.yaml} into {@link ReferralRules}, refusing an invalid file with a
 * {@link RuleConfigException} that names the rule and the key: unknown keys or values, a destination
 * that is not configured, a rule that neither sends nor holds, a name used twice. Stateless.
 */
public final class RulesLoader {
    private static final Set<String> RULE_KEYS = Set.of("name", "when", "send", "flags", "hold");
    private static final Set<String> WHEN_KEYS = Set.of("needs", "minor", "territory", "exploitation", "urgency",
            "consent");

    public ReferralRules load(Path file, Destinations destinations) {
        try {
            return parse(Files.readString(file), destinations);
        } catch (IOException e) {
            throw new RuleConfigException(file.toString(), "file", "cannot be read: " + e.getMessage());
        }
    }

    public ReferralRules parse(String yaml, Destinations destinations) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new RuleConfigException("file", "yaml", "not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.path("rules").isArray() || root.path("rules").isEmpty()) {
            throw new RuleConfigException("file", "rules", "a non-empty list is required");
        }
        strict(root, Set.of("rules"), "file");
        List<ReferralRule> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode node : root.get("rules")) {
            index++;
            String name = node.path("name").asText("");
            String item = name.isBlank() ? "rule #" + index : name;
            if (!node.isObject() || name.isBlank()) {
                throw new RuleConfigException(item, "name", "every rule is a mapping with a name");
            }
            if (!names.add(name)) {
                throw new RuleConfigException(item, "name", "used twice");
            }
            rules.add(rule(node, item, destinations));
        }
        return new ReferralRules(rules, destinations);
    }

    private static ReferralRule rule(JsonNode node, String name, Destinations destinations) {
        strict(node, RULE_KEYS, name);
        JsonNode when = node.path("when");
        if (!when.isMissingNode() && !when.isObject()) {
            throw new RuleConfigException(name, "when", "must be a mapping of conditions");
        }
        strict(when, WHEN_KEYS, name + ".when");
        RuleCondition condition = new RuleCondition(values(when, "needs", Need::valueOf, name),
                bool(when, "minor", name), values(when, "territory", Territory::valueOf, name),
                values(when, "exploitation", ExploitationType::valueOf, name),
                values(when, "urgency", Urgency::valueOf, name), bool(when, "consent", name));
        List<String> send = new ArrayList<>(strings(node, "send", name));
        for (String target : send) {
            if (!ReferralRule.TERRITORY_UNIT.equals(target) && destinations.find(target).isEmpty()) {
                throw new RuleConfigException(name, "send", "unknown destination " + target
                        + " (configured: " + destinations.byId().keySet() + ", or " + ReferralRule.TERRITORY_UNIT + ")");
            }
        }
        Optional<String> hold = node.hasNonNull("hold") ? Optional.of(node.get("hold").asText()) : Optional.empty();
        if (hold.isPresent() == !send.isEmpty()) {
            throw new RuleConfigException(name, hold.isPresent() ? "hold" : "send",
                    "a rule either sends to destinations or holds with a reason");
        }
        if (hold.isPresent() && hold.get().isBlank()) {
            throw new RuleConfigException(name, "hold", "the reason must not be blank");
        }
        return new ReferralRule(name, condition, send, strings(node, "flags", name), hold);
    }

    private static <T> Set<T> values(JsonNode when, String key, Function<String, T> parse, String rule) {
        Set<T> out = new LinkedHashSet<>();
        for (String text : strings(when, key, rule)) {
            try {
                out.add(parse.apply(text));
            } catch (IllegalArgumentException e) {
                throw new RuleConfigException(rule, "when." + key, "unknown value " + text);
            }
        }
        return out;
    }

    private static Set<String> strings(JsonNode node, String key, String rule) {
        JsonNode list = node.path(key);
        if (list.isMissingNode() || list.isNull()) {
            return Set.of();
        }
        if (!list.isArray()) {
            throw new RuleConfigException(rule, key, "must be a list");
        }
        Set<String> out = new LinkedHashSet<>();
        list.forEach(v -> out.add(v.asText()));
        return out;
    }

    private static Optional<Boolean> bool(JsonNode when, String key, String rule) {
        if (!when.has(key)) {
            return Optional.empty();
        }
        if (!when.get(key).isBoolean()) {
            throw new RuleConfigException(rule, "when." + key, "must be true or false");
        }
        return Optional.of(when.get(key).asBoolean());
    }

    private static void strict(JsonNode node, Set<String> keys, String item) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw new RuleConfigException(item, key, "unknown key (known: " + new java.util.TreeSet<>(keys) + ")");
            }
        }
    }
}
