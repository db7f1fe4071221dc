package org.hth.hotline.console;

import io.vertx.ext.web.Router;

/** Routes a module adds to the console's HTTP server (health, metrics, an API). Runs on the event loop. */
@FunctionalInterface
public interface RouteMount {
    void mount(Router router);
}
