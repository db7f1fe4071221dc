package org.hth.hotline.console.stats;

import java.time.Clock;
import java.util.Set;

import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.stats.StatsService;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/stats?from&to} for coordinators: the period's figures ({@link StatsJson}). The period is checked
 * on the event loop (field errors for bad instants, a reversed or a too long period); the computation runs on a
 * worker. Thread-safe.
 */
public final class StatsRoutes implements ApiRoutes {
    private final StatsService stats;
    private final Blocking blocking;
    private final Clock clock;

    public StatsRoutes(StatsService stats, Blocking blocking, Clock clock) {
        this.stats = stats;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/stats", this::get, Role.COORDINATOR);
    }

    private void get(RoutingContext ctx) {
        QueryParams q = new QueryParams(ctx.queryParams(), Set.of("from", "to"));
        var period = PeriodParams.read(q, clock);
        q.errors().throwIfAny();
        StatsPeriod p = period.orElseThrow();
        blocking.respond(ctx, () -> StatsJson.of(stats.compute(p)));
    }
}
