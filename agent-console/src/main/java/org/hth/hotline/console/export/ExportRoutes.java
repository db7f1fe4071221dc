package org.hth.hotline.console.export;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerResponse;
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
import org.hth.hotline.core.export.RowWriter;
import org.hth.hotline.core.export.TableWriter;
import org.hth.hotline.core.stats.StatsPeriod;
import org.hth.hotline.core.user.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/export/:file} for coordinators, {@code file} one of {@code calls|tickets|sirit} dot
 * {@code csv|json}, answered as an attachment; the period as for the statistics (at most a year at a time). Every
 * export is audited. Built on a worker and sent as it is built ({@link ChunkedDownload}): a year of calls holds one
 * page of records in memory. An export that fails before its first part is sent is answered as an error; one that
 * fails after has its connection reset, so the client sees a broken download. Thread-safe.
 */
public final class ExportRoutes implements ApiRoutes {
    private static final Logger log = LoggerFactory.getLogger(ExportRoutes.class);
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
        HttpServerResponse response = ctx.response();
        ChunkedDownload download = new ChunkedDownload(ctx.vertx().getOrCreateContext(), response, r -> r
                .setStatusCode(200)
                .putHeader("Content-Type", csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8")
                .putHeader("Content-Disposition", "attachment; filename=\"" + kind.fileName() + "-"
                        + p.from().toString().substring(0, 10) + "." + file.group(2) + "\"")
                .putHeader("X-Content-Type-Options", "nosniff"), csv ? UnaryOperator.identity() : Responses::escapeMarkup);
        blocking.run(() -> {
            List<String> columns = ExportService.columns(kind);
            RowWriter rows = csv ? TableWriter.csv(columns, download) : TableWriter.json(columns, download);
            long written = exports.export(kind, p, ExportProgress.NONE, rows);
            rows.finish();
            auditor.record(user, "export." + kind.fileName(), "export", file.group(0),
                    "from=" + p.from() + " to=" + p.to() + " rows=" + written);
            download.end();
            return null;
        }).onFailure(e -> {
            if (response.headWritten()) {
                // part of the file is out: a broken connection, never a short file that looks whole
                log.warn("export {} failed after its first part was sent; connection reset: {}", file.group(0),
                        e.toString());
                response.reset();
            } else {
                ctx.fail(e);
            }
        });
    }
}
