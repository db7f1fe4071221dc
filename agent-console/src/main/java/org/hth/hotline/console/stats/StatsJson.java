package org.hth.hotline.console.stats;

import java.util.Map;
import java.util.OptionalLong;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import org.hth.hotline.core.stats.OperatorFigures;
import org.hth.hotline.core.stats.StatsReport;

/** A {@link StatsReport} as JSON: counts only, no pseudonym, no text. Stateless. */
public final class StatsJson {
    private StatsJson() {
    }

    public static JsonObject of(StatsReport r) {
        JsonArray perDay = new JsonArray();
        r.perDay().forEach((day, n) -> perDay.add(new JsonObject().put("day", day.toString()).put("calls", n)));
        JsonArray heat = new JsonArray();
        r.perWeekHour().forEach(row -> heat.add(new JsonArray(row)));
        JsonObject deliveries = new JsonObject();
        r.deliveries().forEach((d, states) -> deliveries.put(d, counts(states)));
        JsonObject operators = new JsonObject();
        for (Map.Entry<String, OperatorFigures> e : r.operators().entrySet()) {
            operators.put(e.getKey(), new JsonObject().put("answered", e.getValue().answered())
                    .put("talkSeconds", e.getValue().talkSeconds()));
        }
        return new JsonObject()
                .put("from", r.period().from().toString()).put("to", r.period().to().toString())
                .put("zone", r.zone().getId())
                .put("calls", r.calls()).put("answered", r.answered()).put("answerRate", r.answerRate())
                .put("timeToAnswer", new JsonObject().put("median", value(r.medianTimeToAnswer()))
                        .put("p90", value(r.p90TimeToAnswer())))
                .put("abandoned", new JsonObject().put("count", r.abandoned())
                        .put("medianWait", value(r.abandonedMedianWait())).put("maxWait", value(r.abandonedMaxWait()))
                        .put("waits", counts(r.abandonedWaits())))
                .put("perDay", perDay).put("perWeekHour", heat)
                .put("byOutcome", counts(r.byOutcome())).put("byLanguage", counts(r.byLanguage()))
                .put("byTerritory", counts(r.byTerritory()))
                .put("tickets", r.tickets()).put("byAccessChannel", counts(r.byAccessChannel()))
                .put("deliveries", deliveries).put("operators", operators);
    }

    private static JsonObject counts(Map<String, Long> counts) {
        JsonObject json = new JsonObject();
        counts.forEach(json::put);
        return json;
    }

    private static Long value(OptionalLong v) {
        return v.isPresent() ? v.getAsLong() : null;
    }
}
