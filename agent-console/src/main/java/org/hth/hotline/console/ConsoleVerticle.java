package org.hth.hotline.console;

import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server. It starts only once it listens, so a port in use fails the deployment.
 * Runs on one event loop; the routes it mounts must not block it.
 */
public final class ConsoleVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ConsoleVerticle.class);

    private final String host;
    private final int port;
    private final List<RouteMount> mounts;
    private HttpServer server;

    /**
     * @param host   the address to bind
     * @param port   the port to bind; 0 picks a free one (tests)
     * @param mounts the routes of the other modules, mounted in order
     */
    public ConsoleVerticle(String host, int port, List<RouteMount> mounts) {
        this.host = host;
        this.port = port;
        this.mounts = List.copyOf(mounts);
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        mounts.forEach(mount -> mount.mount(router));
        router.route("/api/*").last().handler(ctx -> ApiError.send(ctx, 404, "NOT_FOUND", "no such API endpoint"));
        return vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port))
                .requestHandler(router)
                .listen()
                .onSuccess(s -> {
                    server = s;
                    log.info("console listening on http://{}:{}", host, s.actualPort());
                });
    }

    /** The port actually bound (useful when 0 was asked for). */
    public int actualPort() {
        if (server == null) {
            throw new IllegalStateException("console server not started");
        }
        return server.actualPort();
    }
}
