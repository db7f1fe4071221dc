package org.hth.hotline.ops.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.hth.hotline.core.config.ConfigLoader;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.destination.Destinations;
import org.hth.hotline.core.destination.DestinationsLoader;
import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.referral.AccessChannel;
import org.hth.hotline.core.referral.ExploitationType;
import org.hth.hotline.core.referral.Need;
import org.hth.hotline.core.referral.Person;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.referral.Ticket;
import org.hth.hotline.core.referral.TicketDraft;
import org.hth.hotline.core.referral.TicketService;
import org.hth.hotline.core.referral.UlidGenerator;
import org.hth.hotline.core.referral.Urgency;
import org.hth.hotline.core.referral.rules.RulesLoader;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.dispatcher.Dispatcher;

/**
 * The hotline's side of {@code dispatch}: a store, the shipped destinations and referral rules with every
 * destination's URL on the bench's receiver, the dispatcher with the default {@code dispatcher:} settings on
 * its own Vert.x instance, and the ticket service that opens referrals (it blocks on the store, as the console's
 * worker does): a burst from {@value #OPENERS} threads at once, as that many operators filing referrals, and
 * one at a time from the bench's thread. Each referral is a minor in ASL 5 who consented, so it goes to the UOR
 * and the ASL 5 street unit: two webhooks. Not thread-safe; close it to stop.
 */
final class DispatchRig implements AutoCloseable {
    private static final Duration LIMIT = Duration.ofSeconds(120);
    private static final String BY = "bench";
    /** Threads opening a burst's referrals, as that many operators at once. */
    static final int OPENERS = 4;
    private final Store store;
    private final Vertx vertx;
    private final Dispatcher dispatcher;
    private final TicketService tickets;
    private final WebhookReceiver receiver;
    private final int workers;
    private final ExecutorService openers = Executors.newFixedThreadPool(OPENERS);

    private DispatchRig(Store store, Vertx vertx, Dispatcher dispatcher, TicketService tickets,
                        WebhookReceiver receiver, int workers) {
        this.store = store;
        this.vertx = vertx;
        this.dispatcher = dispatcher;
        this.tickets = tickets;
        this.receiver = receiver;
        this.workers = workers;
    }

    /** Starts the dispatcher on {@code store}, which the rig closes. */
    static DispatchRig start(Store store, WebhookReceiver receiver) throws InterruptedException {
        try {
            return startOn(store, receiver);
        } catch (RuntimeException | InterruptedException e) {
            store.close();
            throw e;
        }
    }

    private static DispatchRig startOn(Store store, WebhookReceiver receiver) throws InterruptedException {
        Clock clock = Clock.systemUTC();
        Map<String, String> env = new HashMap<>();
        SecureRandom random = new SecureRandom();
        for (String id : DestinationsLoader.KNOWN_IDS) {
            String variable = "HOTLINE_DESTINATION_" + id.toUpperCase(Locale.ROOT).replace('-', '_');
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            env.put(variable + "_URL", receiver.url(id).toString());
            env.put(variable + "_SECRET", "whsec_" + Base64.getEncoder().encodeToString(secret));
        }
        HotlineConfig config = ConfigLoader.load(Optional.empty(), Map.of(
                "HOTLINE_PSEUDONYM_KEY", HotlineUnderTest.randomKey(),
                "HOTLINE_ENCRYPTION_KEY", HotlineUnderTest.randomKey()));
        Destinations destinations = new DestinationsLoader(env).load(existing(config.referrals().destinationsFile()));
        InProcessLiveEvents live = new InProcessLiveEvents();
        TicketService tickets = new TicketService(store.tickets(), destinations,
                new RulesLoader().load(existing(config.referrals().rulesFile()), destinations),
                new UlidGenerator(clock, random), clock, live);
        Vertx vertx = Vertx.vertx();
        try {
            Dispatcher dispatcher = VertxAwait.result("the dispatcher's start", Dispatcher.start(vertx, store,
                    destinations, config.dispatcher(), config.console(), clock, new SimpleMeterRegistry(), live));
            return new DispatchRig(store, vertx, dispatcher, tickets, receiver, config.dispatcher().workers());
        } catch (RuntimeException | InterruptedException e) {
            vertx.close();
            throw e;
        }
    }

    /** The shipped configuration file, from the working directory or its parent (a module's tests). */
    private static Path existing(Path file) {
        if (Files.exists(file) || file.isAbsolute() || !Files.exists(Path.of("..").resolve(file))) {
            return file;
        }
        return Path.of("..").resolve(file);
    }

    int workers() {
        return workers;
    }

    /**
     * Opens {@code count} referrals from {@value #OPENERS} threads, each opening its share one after the other
     * as fast as the store takes them, while the dispatcher delivers; returns once the receiver has them all.
     */
    DispatchRun loaded(int count) throws InterruptedException, TimeoutException {
        receiver.clear();
        Map<String, Long> created = new ConcurrentHashMap<>();
        AtomicInteger expected = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> shares = new ArrayList<>();
        for (int t = 0; t < OPENERS; t++) {
            int share = count / OPENERS + (t < count % OPENERS ? 1 : 0);
            shares.add(openers.submit(() -> {
                for (int i = 0; i < share; i++) {
                    long at = System.nanoTime();
                    Ticket ticket = tickets.open(draft(), BY);
                    created.put(ticket.id(), at);
                    expected.addAndGet(ticket.destinations().size());
                }
            }));
        }
        for (Future<?> share : shares) {
            try {
                share.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IllegalStateException("opening a referral failed", e.getCause());
            }
        }
        receiver.awaitCount(expected.get(), LIMIT);
        return DispatchRun.of(start, created, receiver.received());
    }

    /** Opens one referral at a time from the bench's thread, the next once the receiver has the last one's webhooks. */
    DispatchRun oneAtATime(int count) throws InterruptedException, TimeoutException {
        receiver.clear();
        Map<String, Long> created = new HashMap<>();
        int expected = 0;
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long at = System.nanoTime();
            Ticket ticket = tickets.open(draft(), BY);
            created.put(ticket.id(), at);
            expected += ticket.destinations().size();
            receiver.awaitCount(expected, LIMIT);
        }
        return DispatchRun.of(start, created, receiver.received());
    }

    private static TicketDraft draft() {
        Person person = new Person(Optional.of("F"), Optional.of("15-17"), true, Optional.of("NG"), List.of("en"),
                Optional.empty());
        return new TicketDraft(Optional.of(AccessChannel.NUMERO_VERDE), Set.of(ExploitationType.SEXUAL), person,
                Set.of(Need.HEALTH), Optional.of(Urgency.URGENT), Optional.of(Territory.ASL5), true,
                "made-up summary for the bench", Optional.empty());
    }

    @Override
    public void close() {
        openers.shutdownNow();
        try {
            VertxAwait.closing("the dispatcher's stop", dispatcher.stop());
            VertxAwait.closing("closing the dispatcher's Vert.x", vertx.close());
        } finally {
            store.close();
        }
    }
}
