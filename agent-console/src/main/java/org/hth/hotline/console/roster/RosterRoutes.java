package org.hth.hotline.console.roster;

import java.time.Clock;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.JsonBody;
import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.roster.RosterException;
import org.hth.hotline.core.roster.RosterParser;
import org.hth.hotline.core.roster.RosterVersion;
import org.hth.hotline.core.store.RosterStore;
import org.hth.hotline.core.user.Role;

/**
 * The roster editor for coordinators: {@code GET /api/roster} (the version in force, its YAML),
 * {@code PUT /api/roster {"document"}} (validated with {@link RosterParser#load}: refused with the problems, or the
 * uncovered hours, under the field {@code document}; saved as a new version; audited), {@code GET
 * /api/roster/preview?days=14} (the roster in force hour by hour) and {@code POST /api/roster/preview
 * {"document", "days"}} (a draft checked and previewed, not saved). Store and parsing on workers. Thread-safe.
 */
public final class RosterRoutes implements ApiRoutes {
    private static final int MAX_DAYS = 62;

    private final RosterStore roster;
    private final Auditor auditor;
    private final Blocking blocking;
    private final Clock clock;
    private final RosterParser parser = new RosterParser();

    public RosterRoutes(RosterStore roster, Auditor auditor, Blocking blocking, Clock clock) {
        this.roster = roster;
        this.auditor = auditor;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/roster", this::get, Role.COORDINATOR);
        api.put("/api/roster", this::put, Role.COORDINATOR);
        api.get("/api/roster/preview", this::preview, Role.COORDINATOR);
        api.post("/api/roster/preview", this::previewDraft, Role.COORDINATOR);
    }

    private void get(RoutingContext ctx) {
        blocking.respond(ctx, () -> json(current()));
    }

    private void put(RoutingContext ctx) {
        String document = document(JsonBody.read(ctx, Set.of("document")));
        String user = ApiGuard.session(ctx).username();
        blocking.respond(ctx, () -> {
            check(() -> parser.load(document, clock.instant()));
            RosterVersion saved = roster.save(document, user, clock.instant());
            auditor.record(user, "roster.update", "roster", Long.toString(saved.version()),
                    "bytes=" + document.length());
            return json(saved);
        });
    }

    private void preview(RoutingContext ctx) {
        QueryParams q = new QueryParams(ctx.queryParams(), Set.of("days"));
        int days = q.integer("days", 1, MAX_DAYS, RosterParser.COVERAGE_DAYS);
        q.errors().throwIfAny();
        blocking.respond(ctx, () -> RosterPreviewJson.of(parser.parse(current().document()), clock.instant(), days));
    }

    private void previewDraft(RoutingContext ctx) {
        JsonObject body = JsonBody.read(ctx, Set.of("document", "days"));
        String document = document(body);
        Object rawDays = body.getValue("days", RosterParser.COVERAGE_DAYS);
        if (!(rawDays instanceof Integer days) || days < 1 || days > MAX_DAYS) {
            throw ApiProblem.invalid(Map.of("days", "expected a whole number 1-" + MAX_DAYS));
        }
        blocking.respond(ctx, () -> RosterPreviewJson.of(check(() -> parser.parse(document)), clock.instant(), days));
    }

    private RosterVersion current() {
        return roster.current().orElseThrow(() -> ApiProblem.notFound("roster"));
    }

    private static String document(JsonObject body) {
        Object value = body.getValue("document");
        if (!(value instanceof String text) || text.isBlank()) {
            throw ApiProblem.invalid(Map.of("document", "expected the roster YAML"));
        }
        return text;
    }

    /** Runs the parser, answering its problems as a field error of {@code document}. */
    private static Roster check(java.util.function.Supplier<Roster> parse) {
        try {
            return parse.get();
        } catch (RosterException e) {
            throw new ApiProblem(400, "ROSTER_REFUSED", "the roster is refused",
                    Map.of("document", String.join("; ", e.problems())));
        }
    }

    private static JsonObject json(RosterVersion v) {
        return new JsonObject().put("version", v.version()).put("savedAt", v.savedAt().toString())
                .put("savedBy", v.savedBy()).put("document", v.document());
    }
}
