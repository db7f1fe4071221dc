package org.hth.hotline.core.roster;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the {@code rotations} and {@code overrides} of a roster document. One per parse; not thread-safe. */
final class ScheduleParser {
    private static final Set<String> ROTATION_KEYS = Set.of("id", "members", "handoff", "covers");
    private static final Set<String> HANDOFF_KEYS = Set.of("weekday", "time");
    private static final Set<String> COVERS_KEYS = Set.of("from", "to");
    private static final Set<String> OVERRIDE_KEYS = Set.of("operator", "from", "to", "replaces");

    private final Problems problems;
    private final Set<String> operatorIds;

    ScheduleParser(Problems problems, Set<String> operatorIds) {
        this.problems = problems;
        this.operatorIds = operatorIds;
    }

    List<Rotation> rotations(JsonNode root) {
        List<Rotation> rotations = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<JsonNode> items = problems.list(root, "rotations", "rotations", false);
        for (int i = 0; i < items.size(); i++) {
            String place = "rotations[" + i + "]";
            JsonNode item = items.get(i);
            if (!problems.isObject(item, place)) {
                continue;
            }
            problems.onlyKeys(item, place, ROTATION_KEYS);
            Optional<String> id = problems.text(item, "id", place + ".id");
            id.filter(value -> !seen.add(value))
                    .ifPresent(value -> problems.add(place + ".id", "duplicate rotation id \"" + value + "\""));
            List<String> members = members(item, place);
            Optional<Handoff> handoff = handoff(item.path("handoff"), place + ".handoff");
            Optional<Optional<DailyWindow>> covers = covers(item.path("covers"), place + ".covers");
            if (id.isPresent() && !members.isEmpty() && handoff.isPresent() && covers.isPresent()) {
                rotations.add(new Rotation(id.get(), members, handoff.get(), covers.get()));
            }
        }
        return rotations;
    }

    List<OnCallOverride> overrides(JsonNode root) {
        List<OnCallOverride> overrides = new ArrayList<>();
        List<JsonNode> items = problems.list(root, "overrides", "overrides", false);
        for (int i = 0; i < items.size(); i++) {
            String place = "overrides[" + i + "]";
            JsonNode item = items.get(i);
            if (!problems.isObject(item, place)) {
                continue;
            }
            problems.onlyKeys(item, place, OVERRIDE_KEYS);
            Optional<String> operator = known(problems.text(item, "operator", place + ".operator"), place + ".operator");
            Optional<String> replaces = problems.optionalText(item, "replaces", place + ".replaces");
            boolean replacesValid = known(replaces, place + ".replaces").isPresent() == replaces.isPresent();
            Optional<LocalDateTime> from = problems.dateTime(item, "from", place + ".from");
            Optional<LocalDateTime> to = problems.dateTime(item, "to", place + ".to");
            if (from.isPresent() && to.isPresent() && !from.get().isBefore(to.get())) {
                problems.add(place + ".to", "\"" + to.get() + "\" is not after from \"" + from.get() + "\"");
            } else if (replaces.isPresent() && replaces.equals(operator)) {
                problems.add(place + ".replaces", "an operator cannot replace themselves");
            } else if (operator.isPresent() && replacesValid && from.isPresent() && to.isPresent()) {
                overrides.add(new OnCallOverride(operator.get(), from.get(), to.get(), replaces));
            }
        }
        return overrides;
    }

    private List<String> members(JsonNode item, String place) {
        List<String> members = new ArrayList<>();
        List<JsonNode> nodes = problems.list(item, "members", place + ".members", true);
        if (nodes.isEmpty() && item.has("members")) {
            problems.add(place + ".members", "a rotation needs at least one member");
        }
        boolean valid = !nodes.isEmpty();
        for (int j = 0; j < nodes.size(); j++) {
            String memberPlace = place + ".members[" + j + "]";
            Optional<String> member = known(problems.text(nodes.get(j), memberPlace), memberPlace);
            if (member.isPresent() && members.contains(member.get())) {
                problems.add(memberPlace, "operator \"" + member.get() + "\" is listed twice");
                valid = false;
            } else if (member.isEmpty()) {
                valid = false;
            } else {
                members.add(member.get());
            }
        }
        return valid ? members : List.of();
    }

    private Optional<Handoff> handoff(JsonNode node, String place) {
        if (!problems.isObject(node, place)) {
            return Optional.empty();
        }
        problems.onlyKeys(node, place, HANDOFF_KEYS);
        Optional<DayOfWeek> weekday = problems.text(node, "weekday", place + ".weekday").flatMap(name -> {
            Optional<DayOfWeek> day = weekday(name);
            if (day.isEmpty()) {
                problems.add(place + ".weekday", "bad weekday \"" + name + "\" (MONDAY … SUNDAY)");
            }
            return day;
        });
        Optional<LocalTime> time = problems.time(node, "time", place + ".time");
        return weekday.flatMap(day -> time.map(at -> new Handoff(day, at)));
    }

    /** Empty when invalid; {@code Optional.of(Optional.empty())} when absent (24 h). */
    private Optional<Optional<DailyWindow>> covers(JsonNode node, String place) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.of(Optional.empty());
        }
        if (!problems.isObject(node, place)) {
            return Optional.empty();
        }
        problems.onlyKeys(node, place, COVERS_KEYS);
        Optional<LocalTime> from = problems.time(node, "from", place + ".from");
        Optional<LocalTime> to = problems.time(node, "to", place + ".to");
        if (from.isPresent() && from.equals(to)) {
            problems.add(place, "from and to are both " + from.get() + "; omit covers for 24 h");
            return Optional.empty();
        }
        return from.flatMap(start -> to.map(end -> Optional.of(new DailyWindow(start, end))));
    }

    private Optional<String> known(Optional<String> id, String place) {
        if (id.isPresent() && !operatorIds.contains(id.get())) {
            problems.add(place, "unknown operator \"" + id.get() + "\"");
            return Optional.empty();
        }
        return id;
    }

    private static Optional<DayOfWeek> weekday(String name) {
        try {
            return Optional.of(DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
