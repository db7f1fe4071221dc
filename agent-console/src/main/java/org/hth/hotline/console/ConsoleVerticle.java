package org.hth.hotline.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.ext.web.Router;

import org.hth.hotline.core.config.ConsoleConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP server. It starts only once it listens, so a port in use fails the deployment.
 * Runs on one event loop; the routes it mounts must not block it. Serves HTTPS when given PEM files.
 */
public final class ConsoleVerticle extends VerticleBase {
    private static final Logger log = LoggerFactory.getLogger(ConsoleVerticle.class);

    private final String host;
    private final int port;
    private final List<RouteMount> mounts;
    private final Optional<PemKeyCertOptions> tls;
    private HttpServer server;

    /**
     * @param host   the address to bind
     * @param port   the port to bind; 0 picks a free one (tests)
     * @param mounts the routes of the other modules, mounted in order
     */
    public ConsoleVerticle(String host, int port, List<RouteMount> mounts) {
        this(host, port, mounts, Optional.empty());
    }

    private ConsoleVerticle(String host, int port, List<RouteMount> mounts, Optional<PemKeyCertOptions> tls) {
        this.host = host;
        this.port = port;
        this.mounts = List.copyOf(mounts);
        this.tls = tls;
    }

    /** The server the configuration asks for: its address, and HTTPS when both TLS PEM files are set. */
    public static ConsoleVerticle of(ConsoleConfig config, List<RouteMount> mounts) {
        Optional<PemKeyCertOptions> tls = config.tls()
                ? Optional.of(pem(config.tlsCertFile().orElseThrow(), config.tlsKeyFile().orElseThrow()))
                : Optional.empty();
        return new ConsoleVerticle(config.host(), config.port(), mounts, tls);
    }

    private static PemKeyCertOptions pem(Path cert, Path key) {
        return new PemKeyCertOptions().setCertPath(cert.toString()).setKeyPath(key.toString());
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        mounts.forEach(mount -> mount.mount(router));
        router.route("/api/*").last().handler(ctx -> ApiError.send(ctx, 404, "NOT_FOUND", "no such API endpoint"));
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port);
        tls.ifPresent(pem -> options.setSsl(true).setKeyCertOptions(pem));
        return vertx.createHttpServer(options)
                .requestHandler(router)
                .listen()
                .onSuccess(s -> {
                    server = s;
                    log.info("console listening on {}://{}:{}", tls.isPresent() ? "https" : "http", host,
                            s.actualPort());
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
