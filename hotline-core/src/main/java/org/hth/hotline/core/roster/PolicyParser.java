package org.hth.hotline.core.roster;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code escalation} and {@code fallback} of a roster document. One per parse; not thread-safe. */
final class PolicyParser {
    private static final Set<String> STEP_KEYS = Set.of("ring", "seconds", "prefer", "preferLanguage");
    private static final Set<String> DIAL_KEYS = Set.of("dial", "seconds");
    private static final Set<String> VOICEMAIL_KEYS = Set.of("voicemail");
    private static final String OPERATOR_PREFIX = "operator:";

    private final Problems problems;
    private final Set<String> operatorIds;

    PolicyParser(Problems problems, Set<String> operatorIds) {
        this.problems = problems;
        this.operatorIds = operatorIds;
    }

    List<EscalationStep> escalation(JsonNode root) {
        List<EscalationStep> steps = new ArrayList<>();
        List<JsonNode> items = problems.list(root, "escalation", "escalation", true);
        if (items.isEmpty() && root.has("escalation")) {
            problems.add("escalation", "at least one step is needed");
        }
        for (int i = 0; i < items.size(); i++) {
            String place = "escalation[" + i + "]";
            JsonNode item = items.get(i);
            if (!problems.isObject(item, place)) {
                continue;
            }
            problems.onlyKeys(item, place, STEP_KEYS);
            Optional<EscalationTarget> target = problems.text(item, "ring", place + ".ring")
                    .flatMap(spec -> target(spec, place + ".ring"));
            Optional<Integer> seconds = problems.seconds(item, "seconds", place + ".seconds");
            Optional<EndpointKind> prefer = problems.optionalText(item, "prefer", place + ".prefer").flatMap(name -> {
                Optional<EndpointKind> kind = EndpointKind.fromYamlName(name);
                if (kind.isEmpty()) {
                    problems.add(place + ".prefer", "unknown endpoint kind \"" + name + "\" (expected console or mobile)");
                }
                return kind;
            });
            boolean preferLanguage = preferLanguage(item.path("preferLanguage"), place + ".preferLanguage");
            if (target.isPresent() && seconds.isPresent()) {
                steps.add(new EscalationStep(target.get(), seconds.get(), prefer, preferLanguage));
            }
        }
        return steps;
    }

    List<FallbackStep> fallback(JsonNode root) {
        List<FallbackStep> steps = new ArrayList<>();
        List<JsonNode> items = problems.list(root, "fallback", "fallback", false);
        for (int i = 0; i < items.size(); i++) {
            String place = "fallback[" + i + "]";
            JsonNode item = items.get(i);
            if (!problems.isObject(item, place)) {
                continue;
            }
            if (item.has("dial")) {
                problems.onlyKeys(item, place, DIAL_KEYS);
                Optional<String> dial = problems.text(item, "dial", place + ".dial");
                Optional<Integer> seconds = problems.seconds(item, "seconds", place + ".seconds");
                dial.flatMap(d -> seconds.map(s -> new FallbackStep.Dial(d, s))).ifPresent(steps::add);
            } else if (item.has("voicemail")) {
                problems.onlyKeys(item, place, VOICEMAIL_KEYS);
                problems.text(item, "voicemail", place + ".voicemail").map(FallbackStep.Voicemail::new).ifPresent(steps::add);
            } else {
                problems.add(place, "expected { dial, seconds } or { voicemail }");
            }
        }
        return steps;
    }

    private Optional<EscalationTarget> target(String spec, String place) {
        switch (spec) {
            case "primary":
                return Optional.of(new EscalationTarget.Primary());
            case "secondary":
                return Optional.of(new EscalationTarget.Secondary());
            case "all-available":
                return Optional.of(new EscalationTarget.AllAvailable());
            default:
                break;
        }
        if (spec.startsWith(OPERATOR_PREFIX)) {
            String id = spec.substring(OPERATOR_PREFIX.length()).strip();
            if (operatorIds.contains(id)) {
                return Optional.of(new EscalationTarget.OperatorTarget(id));
            }
            problems.add(place, "unknown operator \"" + id + "\"");
            return Optional.empty();
        }
        problems.add(place, "unknown target \"" + spec + "\" (expected primary, secondary, all-available or operator:ID)");
        return Optional.empty();
    }

    private boolean preferLanguage(JsonNode node, String place) {
        if (node.isMissingNode() || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            problems.add(place, "must be true or false");
            return false;
        }
        return node.booleanValue();
    }
}
