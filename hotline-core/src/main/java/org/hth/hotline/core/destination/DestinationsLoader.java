package org.hth.hotline.core.destination;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.hth.hotline.core.referral.Territory;

/**
 * Reads {@code destinations.yaml} and the environment ({@code HOTLINE_DESTINATION_<ID>_URL}, {@code _SECRET},
 * {@code _SECRET_PREVIOUS}, {@code _SECRET_PREVIOUS_UNTIL}) into {@link Destinations}, refusing anything
 * invalid with a {@link DestinationConfigException} naming the destination and the key. Secrets are read
 * only from the environment. An enabled destination whose URL or secret is not set yet is loaded as waiting
 * for configuration ({@link Destination#missing()}): referrals for it wait in the outbox, never lost. Stateless and thread-safe.
 */
public final class DestinationsLoader {
    public static final Set<String> KNOWN_IDS = Set.of("uor", "uds-asl1", "uds-asl2", "uds-asl3-4", "uds-asl5");
    private static final Set<String> DESTINATION_KEYS = Set.of("id", "name", "enabled", "url", "territories", "fields");
    private static final Set<String> DELIVERY_KEYS = Set.of("schedule", "connectTimeout", "totalTimeout",
            "circuitFailures", "circuitOpenFor", "alertAfter");
    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

    private final Map<String, String> environment;

    /** @param environment usually {@code System.getenv()}; tests pass their own */
    public DestinationsLoader(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public Destinations load(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new DestinationConfigException(file.toString(), "file", "cannot be read: " + e.getMessage());
        }
    }

    public Destinations parse(String yaml) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(yaml);
        } catch (IOException e) {
            throw new DestinationConfigException("file", "yaml", "not valid YAML: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new DestinationConfigException("file", "destinations", "missing");
        }
        strict(root, Set.of("delivery", "destinations"), "file");
        DeliveryPolicy delivery = root.has("delivery") ? delivery(root.get("delivery")) : DeliveryPolicy.defaults();
        JsonNode list = root.path("destinations");
        if (!list.isArray() || list.isEmpty()) {
            throw new DestinationConfigException("file", "destinations", "a non-empty list is required");
        }
        List<Destination> destinations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int index = 0;
        for (JsonNode node : list) {
            Destination d = destination(node, index++);
            if (!seen.add(d.id())) {
                throw new DestinationConfigException(d.id(), "id", "appears twice");
            }
            destinations.add(d);
        }
        return Destinations.of(delivery, destinations);
    }

    private Destination destination(JsonNode node, int index) {
        String id = node.path("id").asText("");
        String item = id.isEmpty() ? "destination #" + (index + 1) : id;
        if (!node.isObject()) {
            throw new DestinationConfigException(item, "destination", "must be a mapping");
        }
        strict(node, DESTINATION_KEYS, item);
        if (!KNOWN_IDS.contains(id)) {
            throw new DestinationConfigException(item, "id", "must be one of " + new java.util.TreeSet<>(KNOWN_IDS));
        }
        String name = node.path("name").asText(id);
        boolean enabled = node.path("enabled").asBoolean(true);
        String prefix = Destination.environmentPrefix(id);
        Optional<String> urlText = env(prefix + "_URL").or(() -> text(node, "url"));
        Optional<URI> url = urlText.map(u -> uri(item, u));
        Optional<SigningSecrets> secrets = secrets(item, prefix);
        Set<Territory> territories = new HashSet<>();
        for (JsonNode t : node.path("territories")) {
            try {
                territories.add(Territory.valueOf(t.asText()));
            } catch (IllegalArgumentException e) {
                throw new DestinationConfigException(item, "territories", "unknown territory " + t.asText());
            }
        }
        Set<String> fields = new HashSet<>();
        if (!node.path("fields").isArray() || node.path("fields").isEmpty()) {
            throw new DestinationConfigException(item, "fields", "a non-empty list of the fields it may receive");
        }
        for (JsonNode f : node.path("fields")) {
            if (!PayloadFields.ALL.contains(f.asText())) {
                throw new DestinationConfigException(item, "fields", "unknown field " + f.asText());
            }
            fields.add(f.asText());
        }
        return new Destination(id, name, enabled, url, secrets, territories, fields);
    }

    private Optional<SigningSecrets> secrets(String item, String prefix) {
        Optional<WebhookSecret> current = env(prefix + "_SECRET").map(s -> secret(item, prefix + "_SECRET", s));
        Optional<WebhookSecret> previous = env(prefix + "_SECRET_PREVIOUS")
                .map(s -> secret(item, prefix + "_SECRET_PREVIOUS", s));
        Optional<Instant> until = env(prefix + "_SECRET_PREVIOUS_UNTIL").map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new DestinationConfigException(item, prefix + "_SECRET_PREVIOUS_UNTIL",
                        "an ISO instant such as 2026-12-01T00:00:00Z");
            }
        });
        if (previous.isPresent() != until.isPresent()) {
            throw new DestinationConfigException(item, prefix + "_SECRET_PREVIOUS",
                    "a previous secret and the end of its rotation window (_SECRET_PREVIOUS_UNTIL) go together");
        }
        if (current.isEmpty() && previous.isPresent()) {
            throw new DestinationConfigException(item, prefix + "_SECRET", "required when a previous secret is set");
        }
        return current.map(c -> new SigningSecrets(c, previous, until));
    }

    private static WebhookSecret secret(String item, String key, String value) {
        try {
            return WebhookSecret.parse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigException(item, key, e.getMessage());
        }
    }

    private static URI uri(String item, String text) {
        try {
            return DestinationUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw new DestinationConfigException(item, "url", e.getMessage());
        }
    }

    private DeliveryPolicy delivery(JsonNode node) {
        strict(node, DELIVERY_KEYS, "delivery");
        DeliveryPolicy d = DeliveryPolicy.defaults();
        List<Duration> schedule = d.schedule();
        if (node.has("schedule")) {
            schedule = new ArrayList<>();
            for (JsonNode step : node.get("schedule")) {
                schedule.add(duration("schedule", step.asText()));
            }
        }
        int failures = node.path("circuitFailures").asInt(d.circuitFailures());
        if (failures < 1 || schedule.isEmpty()) {
            throw new DestinationConfigException("delivery", failures < 1 ? "circuitFailures" : "schedule",
                    failures < 1 ? "must be at least 1" : "must not be empty");
        }
        return new DeliveryPolicy(schedule, duration(node, "connectTimeout", d.connectTimeout()),
                duration(node, "totalTimeout", d.totalTimeout()), failures,
                duration(node, "circuitOpenFor", d.circuitOpenFor()), duration(node, "alertAfter", d.alertAfter()));
    }

    private static Duration duration(JsonNode node, String key, Duration fallback) {
        return node.has(key) ? duration(key, node.get(key).asText()) : fallback;
    }

    private static Duration duration(String key, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new DestinationConfigException("delivery", key, "a duration such as 500ms, 5s, 30m or 2h");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).filter(v -> !v.isBlank());
    }

    private static Optional<String> text(JsonNode node, String key) {
        return node.hasNonNull(key) && !node.get(key).asText().isBlank() ? Optional.of(node.get(key).asText())
                : Optional.empty();
    }

    private static void strict(JsonNode node, Set<String> keys, String item) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!keys.contains(key)) {
                throw new DestinationConfigException(item, key, "unknown key (known: " + new java.util.TreeSet<>(keys) + ")");
            }
        }
    }
}
