package org.hth.hotline.standin.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hth.hotline.standin.call.CallerBehaviour;
import org.hth.hotline.standin.call.EndpointBehaviour;
import org.hth.hotline.standin.call.Endpoints;

/** Reads a {@link Scenario} from YAML (format in the module README). Stateless; thread-safe. */
public final class ScenarioLoader {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ScenarioLoader() {
    }

    public static Scenario parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException("scenario is not valid YAML", e);
        }
        Endpoints endpoints = new Endpoints(Map.of(), endpoint(root.path("default-endpoint"),
                new EndpointBehaviour.Answer(Duration.ZERO, Optional.empty())));
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("endpoints").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            endpoints = endpoints.with(e.getKey(), endpoint(e.getValue(), null));
        }
        List<CallerBehaviour> calls = new ArrayList<>();
        root.path("calls").forEach(c -> calls.add(caller(c)));
        Optional<Scenario.Load> load = root.has("load") ? Optional.of(new Scenario.Load(
                root.path("load").path("calls").asInt(0), root.path("load").path("rate").asDouble(10),
                caller(root.path("load").path("caller")))) : Optional.empty();
        return new Scenario(root.path("speed").asDouble(1.0), root.path("line").asText("800290290"), endpoints,
                calls, load);
    }

    static CallerBehaviour caller(JsonNode n) {
        String number = n.path("caller").asText("3331234567");
        List<String> keys = new ArrayList<>();
        n.path("keys").forEach(k -> keys.add(k.asText()));
        return new CallerBehaviour(number.equals("withheld") ? "" : number, n.path("name").asText(""), keys,
                n.has("key-delay") ? duration(n.get("key-delay")) : Duration.ofMillis(700),
                n.has("hangup-after") ? Optional.of(duration(n.get("hangup-after"))) : Optional.empty());
    }

    static EndpointBehaviour endpoint(JsonNode n, EndpointBehaviour fallback) {
        if (n.isMissingNode() && fallback != null) {
            return fallback;
        }
        if (n.isTextual()) {
            return switch (n.asText()) {
                case "never-answer" -> new EndpointBehaviour.NeverAnswer();
                case "busy" -> new EndpointBehaviour.Busy(Duration.ZERO);
                case "unavailable" -> new EndpointBehaviour.Unavailable();
                case "answer" -> new EndpointBehaviour.Answer(Duration.ZERO, Optional.empty());
                default -> throw new IllegalArgumentException("unknown endpoint behaviour: " + n.asText());
            };
        }
        if (n.has("answer")) {
            return new EndpointBehaviour.Answer(duration(n.get("answer")),
                    n.has("talk") ? Optional.of(duration(n.get("talk"))) : Optional.empty());
        }
        if (n.has("busy")) {
            return new EndpointBehaviour.Busy(duration(n.get("busy")));
        }
        if (n.has("answer-without-accept")) {
            return new EndpointBehaviour.AnswerWithoutAccept(duration(n.get("answer-without-accept")),
                    n.has("accept-timeout") ? duration(n.get("accept-timeout")) : Duration.ofSeconds(10));
        }
        throw new IllegalArgumentException("unknown endpoint behaviour: " + n);
    }

    /** {@code 3s}, {@code 500ms}, {@code 2m}, or a number of seconds. */
    static Duration duration(JsonNode n) {
        if (n.isNumber()) {
            return Duration.ofMillis((long) (n.asDouble() * 1000));
        }
        String t = n.asText().trim();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis((long) (Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
        }
        return Duration.ofMillis((long) (Double.parseDouble(t) * 1000));
    }
}
