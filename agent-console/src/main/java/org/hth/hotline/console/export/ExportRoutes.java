package org.hth.hotline.console.export;

import java.time.Clock;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.ext.web.RoutingContext;

import org.hth.hotline.console.api.ApiProblem;
import org.hth.hotline.console.api.ApiRouter;
import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.api.QueryParams;
import org.hth.hotline.console.api.Responses;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.session.ApiGuard;
import org.hth.hotline.console.stats.PeriodParams;
import org.hth.hotline.core.export.ExportKind;
import org.hth.hotline.core.export.ExportProgress;
import org.hth.hotline.core.export.ExportService;
import org.hth.hotline.core.export.Table;
import org.hth.hotline.core.export.TableWriter;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.user.Role;

/**
 * {@code GET /api/export/:file} for coordinators, {@code file} one of {@code calls|tickets|sirit} dot
 * {@code csv|json}, answered as an attachment; the period as for the statistics (at most a year at a time). Every
 * export is audited. Built on a worker. Thread-safe.
 */
public final class ExportRoutes implements ApiRoutes {
    private static final Pattern FILE = Pattern.compile("(calls|tickets|sirit)\\.(csv|json)");

    private final ExportService exports;
    private final Auditor auditor;
    private final Blocking blocking;
    private final Clock clock;

    public ExportRoutes(ExportService exports, Auditor auditor, Blocking blocking, Clock clock) {
        this.exports = exports;
        this.auditor = auditor;
        this.blocking = blocking;
        this.clock = clock;
    }

    @Override
    public void register(ApiRouter api) {
        api.get("/api/export/:file", this::export, Role.COORDINATOR);
    }

    private void export(RoutingContext ctx) {
        Matcher file = FILE.matcher(String.valueOf(ctx.pathParam("file")));
        if (!file.matches()) {
            throw ApiProblem.notFound("export");
        }
        ExportKind kind = ExportKind.named(file.group(1)).orElseThrow();
        boolean csv = file.group(2).equals("csv");
        QueryParams q = new QueryParams(ctx.queryParams(), Set.of("from", "to"));
        var period = PeriodParams.read(q, clock);
        q.errors().throwIfAny();
        StatsPeriod p = period.orElseThrow();
        String user = ApiGuard.session(ctx).username();
        blocking.run(() -> {
            Table table = exports.export(kind, p, ExportProgress.NONE);
            auditor.record(user, "export." + kind.fileName(), "export", file.group(0),
                    "from=" + p.from() + " to=" + p.to() + " rows=" + table.rows().size());
            return csv ? TableWriter.csv(table) : Responses.escapeMarkup(TableWriter.json(table));
        }).onSuccess(body -> ctx.response().setStatusCode(200)
                .putHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + kind.fileName() + "-"
                        + p.from().toString().substring(0, 10) + "." + file.group(2) + "\"")
                .putHeader("X-Content-Type-Options", "nosniff")
                .end(body)).onFailure(ctx::fail);
    }
}
