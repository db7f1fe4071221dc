package org.hth.hotline.console.coordinator;

import java.time.Clock;

import io.vertx.core.Vertx;

import org.hth.hotline.console.api.ApiRoutes;
import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.deliveries.DeliveryControl;
import org.hth.hotline.console.deliveries.DeliveryRoutes;
import org.hth.hotline.console.deliveries.DestinationRoutes;
import org.hth.hotline.console.export.ExportRoutes;
import org.hth.hotline.console.roster.RosterRoutes;
import org.hth.hotline.console.stats.StatsRoutes;
import org.hth.hotline.core.destination.DestinationRegistry;
import org.hth.hotline.core.export.ExportConfig;
import org.hth.hotline.core.export.ExportService;
import org.hth.hotline.core.stats.StatsService;
import org.hth.hotline.core.store.Store;

/**
 * The coordinator's endpoints, for {@code ConsoleApi.withRoutes(CoordinatorRoutes.all(…))}: statistics, roster
 * editor, deliveries and destinations, and exports (the call log is part of the console API itself). Stateless.
 */
public final class CoordinatorRoutes {
    private CoordinatorRoutes() {
    }

    public static ApiRoutes[] all(Vertx vertx, Store store, DeliveryControl deliveries, DestinationRegistry destinations,
                                  ExportConfig config, Clock clock) {
        Blocking blocking = new Blocking(vertx);
        Auditor auditor = new Auditor(store.audit(), clock);
        return new ApiRoutes[] {
            new StatsRoutes(new StatsService(store, config.zone()), blocking, clock),
            new RosterRoutes(store.roster(), auditor, blocking, clock),
            new DeliveryRoutes(store.outbox(), deliveries, auditor, blocking),
            new DestinationRoutes(destinations, deliveries, auditor, blocking),
            new ExportRoutes(new ExportService(store, config.zone(), config.siritThreshold()), auditor, blocking, clock),
        };
    }
}
