package org.hth.hotline.console.roster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.core.roster.CoverageCheck;
import org.hth.hotline.core.roster.CoverageGap;
import org.hth.hotline.core.roster.PreviewSlot;
import org.hth.hotline.core.roster.Roster;

/**
 * Who is on call hour by hour for some days from today (the roster's zone), grouped by local day, with the
 * uncovered stretches named: {@code {"zone", "days": [{"date", "hours": [{"start", "hour", "primary",
 * "secondary", "covered"}]}], "uncovered": ["Mon 08:00-09:00", …]}}. Stateless.
 */
final class RosterPreviewJson {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private RosterPreviewJson() {
    }

    static JsonObject of(Roster roster, Instant now, int days) {
        CoverageCheck check = new CoverageCheck(roster);
        LocalDate today = now.atZone(roster.zone()).toLocalDate();
        List<PreviewSlot> slots = check.preview(today, days);
        Map<LocalDate, JsonArray> byDay = new LinkedHashMap<>();
        for (PreviewSlot slot : slots) {
            ZonedDateTime start = slot.start();
            byDay.computeIfAbsent(start.toLocalDate(), d -> new JsonArray()).add(new JsonObject()
                    .put("start", start.toOffsetDateTime().toString()).put("hour", HOUR.format(start))
                    .put("primary", slot.onCall().primary().orElse(null))
                    .put("secondary", slot.onCall().secondary().orElse(null))
                    .put("covered", slot.onCall().covered()));
        }
        JsonArray dayList = new JsonArray();
        byDay.forEach((date, hours) -> dayList.add(new JsonObject().put("date", date.toString()).put("hours", hours)));
        Set<String> uncovered = new LinkedHashSet<>();
        Instant from = today.atStartOfDay(roster.zone()).toInstant();
        Instant to = today.plusDays(days).atStartOfDay(roster.zone()).toInstant();
        for (CoverageGap gap : check.gaps(from, to)) {
            uncovered.add(gap.label());
        }
        return new JsonObject().put("zone", roster.zone().getId()).put("days", dayList)
                .put("uncovered", new JsonArray(List.copyOf(uncovered)));
    }
}
