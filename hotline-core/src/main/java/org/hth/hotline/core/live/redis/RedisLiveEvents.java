package org.hth.hotline.core.live.redis;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPubSub;

/**
 * Live events across nodes: an event published here reaches this node's subscribers at once (on the
 * publisher's thread, as {@link InProcessLiveEvents}), and is sent to Redis on a channel that every node
 * subscribes to, so the other nodes' subscribers get it too. A node ignores its own messages coming back.
 * Redis being away never blocks or fails the publisher: messages wait in a bounded queue, are dropped when
 * it is full (logged), and both threads reconnect with back-off. Thread-safe; two threads of its own.
 */
public final class RedisLiveEvents implements LiveEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisLiveEvents.class);
    private static final int QUEUE = 10_000;
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final URI url;
    private final int timeoutMillis;
    private final String channel;
    private final String node = UUID.randomUUID().toString();
    private final ObjectMapper json = JsonMapper.builder().build();
    private final InProcessLiveEvents local = new InProcessLiveEvents();
    private final BlockingQueue<String> outgoing = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicReference<JedisPubSub> subscription = new AtomicReference<>();
    private final Thread publisher;
    private final Thread subscriber;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile boolean running = true;

    private record Wire(String node, String type, String at, Map<String, Object> data) {
    }

    /**
     * Starts publishing and subscribing.
     *
     * @param url     {@code redis://[:password@]host:port[/db]}
     * @param prefix  the server's key prefix; the channel is {@code <prefix>live}
     */
    public RedisLiveEvents(URI url, Duration timeout, String prefix) {
        this.url = url;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.channel = prefix + "live";
        this.publisher = new Thread(this::publishLoop, "live-events-publish");
        this.subscriber = new Thread(this::subscribeLoop, "live-events-subscribe");
        publisher.setDaemon(true);
        subscriber.setDaemon(true);
        publisher.start();
        subscriber.start();
    }

    @Override
    public void publish(LiveEvent event) {
        local.publish(event);
        try {
            String message = json.writeValueAsString(new Wire(node, event.type(), event.at().toString(), event.data()));
            if (!outgoing.offer(message)) {
                log.warn("live events: Redis is behind, {} not shared with other nodes", event.type());
            }
        } catch (Exception e) {
            log.warn("live events: {} could not be encoded ({})", event.type(), e.getClass().getSimpleName());
        }
    }

    @Override
    public AutoCloseable subscribe(Consumer<LiveEvent> subscriber) {
        return local.subscribe(subscriber);
    }

    /** Whether the subscription to the other nodes' events is up. */
    public boolean subscribed() {
        JedisPubSub current = subscription.get();
        return current != null && current.isSubscribed();
    }

    private void publishLoop() {
        long backoff = 100;
        while (running) {
            try (Jedis jedis = new Jedis(url, timeoutMillis)) {
                backoff = 100;
                while (running) {
                    String message = outgoing.poll(1, TimeUnit.SECONDS);
                    if (message != null) {
                        jedis.publish(channel, message);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = pause("publishing", e, backoff);
            }
        }
    }

    private void subscribeLoop() {
        long backoff = 100;
        while (running) {
            try (Jedis jedis = new Jedis(url, timeoutMillis)) {
                JedisPubSub pubSub = new JedisPubSub() {
                    @Override
                    public void onMessage(String from, String message) {
                        receive(message);
                    }
                };
                subscription.set(pubSub);
                backoff = 100;
                jedis.subscribe(pubSub, channel); // returns when unsubscribed or the connection breaks
            } catch (RuntimeException e) {
                if (running) {
                    backoff = pause("subscribing", e, backoff);
                }
            }
        }
    }

    private void receive(String message) {
        try {
            Wire wire = json.readValue(message, new TypeReference<Wire>() { });
            if (!node.equals(wire.node())) {
                local.publish(new LiveEvent(wire.type(), Instant.parse(wire.at()), wire.data()));
            }
        } catch (Exception e) {
            log.warn("live events: a message from another node could not be read ({})", e.getClass().getSimpleName());
        }
    }

    private long pause(String what, RuntimeException e, long backoff) {
        log.warn("live events: Redis {} failed ({}); retrying in {} ms", what, e.getClass().getSimpleName(), backoff);
        try {
            closed.await(backoff, TimeUnit.MILLISECONDS); // close() ends the wait at once
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            running = false;
        }
        return Math.min(backoff * 2, MAX_BACKOFF.toMillis());
    }

    @Override
    public void close() {
        running = false;
        closed.countDown();
        JedisPubSub current = subscription.get();
        if (current != null && current.isSubscribed()) {
            try {
                current.unsubscribe();
            } catch (RuntimeException e) {
                log.debug("live events: unsubscribe on close failed ({})", e.getClass().getSimpleName());
            }
        }
        publisher.interrupt();
        subscriber.interrupt();
    }
}
