package org.hth.hotline.core.roster;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads the roster YAML ({@code config/roster.yaml}, or a version saved in the store) into a
 * {@link Roster}, refusing it with every problem named by its place: unknown or duplicate ids, a bad time
 * zone or time, ring seconds outside 1..300, no escalation step, an operator without endpoints.
 * {@link #load} also refuses a roster that leaves an hour uncovered. Thread-safe.
 */
public final class RosterParser {
    /** How far ahead {@link #load} checks that somebody is always on call. */
    public static final int COVERAGE_DAYS = 14;

    private static final Set<String> ROOT_KEYS = Set.of("timezone", "operators", "rotations", "overrides", "escalation", "fallback");
    private static final Set<String> OPERATOR_KEYS = Set.of("id", "name", "languages", "endpoints");

    private final YAMLMapper yaml = new YAMLMapper();

    /**
     * Parses and validates, then checks that nobody-on-call never happens in the {@link #COVERAGE_DAYS}
     * days from {@code now}: what to call before a roster replaces the one in force.
     *
     * @throws RosterException naming each problem, or the uncovered hours
     */
    public Roster load(String document, Instant now) {
        Roster roster = parse(document);
        new CoverageCheck(roster).requireCovered(now, COVERAGE_DAYS);
        return roster;
    }

    /**
     * Parses and validates the document's shape and references (not its coverage).
     *
     * @throws RosterException naming each problem
     */
    public Roster parse(String document) {
        JsonNode root;
        try {
            root = yaml.readTree(document);
        } catch (JsonProcessingException e) {
            throw new RosterException("not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        }
        Problems problems = new Problems();
        if (root == null || !problems.isObject(root, "roster")) {
            throw new RosterException(List.of(root == null || root.isMissingNode()
                    ? "roster: the document is empty" : "roster: must be a map"));
        }
        problems.onlyKeys(root, "roster", ROOT_KEYS);
        Optional<ZoneId> zone = zone(root, problems);
        List<Operator> operators = operators(root, problems);
        Set<String> ids = new HashSet<>();
        operators.forEach(operator -> ids.add(operator.id()));
        ScheduleParser schedule = new ScheduleParser(problems, ids);
        List<Rotation> rotations = schedule.rotations(root);
        List<OnCallOverride> overrides = schedule.overrides(root);
        PolicyParser policy = new PolicyParser(problems, ids);
        List<EscalationStep> escalation = policy.escalation(root);
        List<FallbackStep> fallback = policy.fallback(root);
        problems.throwIfAny();
        return new Roster(zone.orElseThrow(), operators, rotations, overrides, escalation, fallback);
    }

    private static Optional<ZoneId> zone(JsonNode root, Problems problems) {
        return problems.text(root, "timezone", "timezone").flatMap(name -> {
            try {
                return Optional.of(ZoneId.of(name));
            } catch (DateTimeException e) {
                problems.add("timezone", "unknown time zone \"" + name + "\"");
                return Optional.empty();
            }
        });
    }

    private static List<Operator> operators(JsonNode root, Problems problems) {
        List<Operator> operators = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> items = problems.list(root, "operators", "operators", true);
        for (int i = 0; i < items.size(); i++) {
            String place = "operators[" + i + "]";
            JsonNode item = items.get(i);
            if (!problems.isObject(item, place)) {
                continue;
            }
            problems.onlyKeys(item, place, OPERATOR_KEYS);
            Optional<String> id = problems.text(item, "id", place + ".id");
            id.filter(value -> !seen.add(value))
                    .ifPresent(value -> problems.add(place + ".id", "duplicate operator id \"" + value + "\""));
            Optional<String> name = problems.text(item, "name", place + ".name");
            List<String> languages = new ArrayList<>();
            List<JsonNode> codes = problems.list(item, "languages", place + ".languages", false);
            for (int j = 0; j < codes.size(); j++) {
                problems.text(codes.get(j), place + ".languages[" + j + "]").ifPresent(languages::add);
            }
            Map<EndpointKind, String> endpoints = endpoints(item.path("endpoints"), place + ".endpoints", problems);
            if (id.isPresent() && name.isPresent() && !endpoints.isEmpty()) {
                operators.add(new Operator(id.get(), name.get(), languages, endpoints));
            }
        }
        if (items.isEmpty() && root.has("operators")) {
            problems.add("operators", "at least one operator is needed");
        }
        return operators;
    }

    private static Map<EndpointKind, String> endpoints(JsonNode node, String place, Problems problems) {
        Map<EndpointKind, String> endpoints = new EnumMap<>(EndpointKind.class);
        if (node.isMissingNode() || node.isNull() || (node.isObject() && node.isEmpty())) {
            problems.add(place, "an operator needs at least one endpoint (console or mobile)");
            return endpoints;
        }
        if (!problems.isObject(node, place)) {
            return endpoints;
        }
        node.fields().forEachRemaining(field -> {
            Optional<EndpointKind> kind = EndpointKind.fromYamlName(field.getKey());
            if (kind.isEmpty()) {
                problems.add(place + "." + field.getKey(), "unknown endpoint kind (expected console or mobile)");
                return;
            }
            problems.text(field.getValue(), place + "." + field.getKey())
                    .ifPresent(dial -> endpoints.put(kind.get(), dial));
        });
        return endpoints;
    }
}
