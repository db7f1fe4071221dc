package org.hth.hotline.ops.coordinator;

import java.time.Clock;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.coordinator.CoordinatorRoutes;
import org.hth.hotline.console.deliveries.DeliveryControl;
import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.export.ExportConfig;
import org.hth.hotline.core.outbox.ReplaySelection;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.dispatcher.Dispatcher;
import org.hth.hotline.ops.serve.StartupException;

/**
 * Builds the coordinator's endpoints for the server assembly: the dispatcher behind {@link DeliveryControl} (its
 * health facts are the destinations' circuit states), the export settings from the environment. Stateless.
 */
public final class CoordinatorWiring {
    private CoordinatorWiring() {
    }

    public static ApiRoutes[] routes(Vertx vertx, Store store, Dispatcher dispatcher, DestinationRegistry destinations,
                                     Map<String, String> env, Clock clock) {
        return CoordinatorRoutes.all(vertx, store, control(dispatcher), destinations, exportConfig(env), clock);
    }

    /** The export settings, or a start-up failure naming the variable at fault. */
    public static ExportConfig exportConfig(Map<String, String> env) {
        try {
            return ExportConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    private static DeliveryControl control(Dispatcher dispatcher) {
        return new DeliveryControl() {
            @Override
            public Map<String, Object> destinations() {
                return dispatcher.health().check().facts();
            }

            @Override
            public Future<Integer> replay(ReplaySelection selection) {
                return dispatcher.replay(selection);
            }
        };
    }
}
