package org.hth.hotline.console.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

import org.hth.hotline.console.RouteMount;

/**
 * Serves the console's web app from {@code webroot/} on the classpath (the operator and coordinator views,
 * SIP.js under {@code /vendor/sip.js/}, Chart.js from its WebJar under {@code /vendor/chart.js/}), outside
 * {@code /api}. Every answer carries a strict Content-Security-Policy: scripts only from this origin, no
 * inline script, connections to this origin and to WebSocket servers (the PBX's WSS for the softphone).
 * Runs on the event loop; static files are read by Vert.x without blocking it.
 */
public final class WebApp implements RouteMount {
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self' wss: ws:; media-src 'self' blob: mediastream:; object-src 'none'; "
            + "base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @Override
    public void mount(Router router) {
        router.route().handler(WebApp::headers);
        router.route("/vendor/chart.js/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(StaticHandler.create("META-INF/resources/webjars/chart.js/4.5.1/dist")
                .setCachingEnabled(true).setMaxAgeSeconds(86_400));
        router.route("/*").method(HttpMethod.GET).method(HttpMethod.HEAD).handler(StaticHandler.create("webroot").setIndexPage("index.html")
                .setCachingEnabled(false).setDirectoryListing(false));
    }

    private static void headers(RoutingContext ctx) {
        if (!ctx.request().path().startsWith("/api/")) {
            ctx.response()
                    .putHeader("Content-Security-Policy", CSP)
                    .putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Permissions-Policy", "microphone=(self), camera=(), geolocation=()");
        }
        ctx.next();
    }
}
