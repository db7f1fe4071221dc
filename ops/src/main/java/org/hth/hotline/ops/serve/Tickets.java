package org.hth.hotline.ops.serve;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;

import org.hth.hotline.console.api.Blocking;
import org.hth.hotline.console.audit.Auditor;
import org.hth.hotline.console.tickets.TicketRoutes;
import org.hth.hotline.core.callback.CallbackService;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.referral.TicketService;
import org.hth.hotline.core.referral.UlidGenerator;
import org.hth.hotline.core.roster.StoredRoster;
import org.hth.hotline.core.store.Store;

/**
 * The console's ticket endpoints assembled: the ticket service (validation, rules, outbox), the callback service
 * over the server's AMI actions, and a small pool of threads that wait for callbacks' outcomes.
 * {@link #close()} stops that pool.
 */
final class Tickets implements AutoCloseable {
    private final ExecutorService callbackWaits = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hotline-callback");
        thread.setDaemon(true);
        return thread;
    });
    private final TicketRoutes routes;

    Tickets(HotlineConfig config, Vertx vertx, Store store, LiveEvents live, Referrals referrals, Telephony telephony,
            Clock clock) {
        TicketService service = new TicketService(store.tickets(), referrals.destinations(), referrals.rules(),
                new UlidGenerator(clock, new SecureRandom()), clock, live);
        CallbackService callbacks = new CallbackService(store.tickets(), store.retention(),
                new NumberSealer(config.secrets().encryptionKey().bytes()), telephony.amiActions(), callbackWaits,
                clock);
        routes = new TicketRoutes(store, service, callbacks, new StoredRoster(store.roster()),
                new Auditor(store.audit(), clock), new Blocking(vertx));
    }

    TicketRoutes routes() {
        return routes;
    }

    @Override
    public void close() throws InterruptedException {
        callbackWaits.shutdownNow();
        callbackWaits.awaitTermination(5, TimeUnit.SECONDS);
    }
}
