package org.hth.hotline.core.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.hth.hotline.core.audit.AuditEntry;
import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.outbox.ClaimedEntry;
import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.hth.hotline.core.testing.RedisExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** What the Redis adapter promises beyond the store contract. */
class RedisStoreAdapterIT {
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");
    private static final String PASSWORD = "s3cret-Hotline-pw";

    @RegisterExtension
    final RedisExtension redis = new RedisExtension();
    private final MutableClock clock = new MutableClock(T0);

    @Test
    void anUnreachableRedisIsAStoreExceptionNamingTheUrl() throws IOException {
        int port = closedPort();
        StoreException e = catchThrowableOfType(StoreException.class, () -> RedisStore.open(
                URI.create("redis://127.0.0.1:" + port), Duration.ofSeconds(2), "hotline:", clock));

        assertThat(e).hasMessageStartingWith("Redis at redis://127.0.0.1:" + port + " does not answer: ")
                .hasMessageContaining("refused");
    }

    @Test
    void aPasswordInTheUrlNeverAppearsInAnExceptionMessage() throws IOException {
        URI unreachable = URI.create("redis://:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/2");
        URI live = URI.create("redis://:" + PASSWORD + "@" + redis.url().getHost() + ":" + redis.url().getPort());

        for (URI url : List.of(unreachable, live)) {
            StoreException e = catchThrowableOfType(StoreException.class,
                    () -> RedisStore.open(url, Duration.ofSeconds(2), redis.keyPrefix(), clock).close());
            assertThat(e).as("opening %s with a password the server does not have", url.getPort()).isNotNull();
            assertThat(e.getMessage()).startsWith("Redis at redis://127.0.0.1:");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain(PASSWORD);
                assertThat(t.toString()).doesNotContain(PASSWORD);
            }
        }
    }

    @Test
    void everyKeyLivesUnderThePrefix() {
        Set<String> before = allKeys();
        try (RedisStore store = RedisStore.open(redis.url(), Duration.ofSeconds(5), redis.keyPrefix(), clock)) {
            store.calls().save(Fixtures.answeredCall("c1", T0, "op-anna", "en", Territory.ASL5));
            store.roster().save("timezone: Europe/Rome\n", "config", T0);
            store.roster().setPresence(new Presence("op-anna", PresenceState.AVAILABLE, T0));
            store.tickets().create(Fixtures.ticket("t1", T0), List.of(Fixtures.entry("e1", "t1", "uor", T0),
                    Fixtures.entry("e2", "t1", "uds-asl5", T0)));
            List<ClaimedEntry> claimed = store.outbox().claim("node-a", 2, Duration.ofMinutes(1));
            store.outbox().complete(claimed.get(0));
            store.outbox().retryLater(claimed.get(1), T0.plusSeconds(5), "HTTP 503");
            store.audit().append(new AuditEntry(T0, "anna", "call.view", "call", "c1", ""));
        }
        Set<String> added = new HashSet<>(allKeys());
        added.removeAll(before);

        assertThat(added).isNotEmpty().allSatisfy(key -> assertThat(key).startsWith(redis.keyPrefix()));
        assertThat(redis.keys()).containsAll(added);
    }

    @Test
    void pagingWalksPastMoreCallsStartingTogetherThanOneBatchHolds() {
        try (RedisStore store = RedisStore.open(redis.url(), Duration.ofSeconds(5), redis.keyPrefix(), clock)) {
            List<CallRecord> all = new ArrayList<>();
            for (int i = 0; i < 1_300; i++) {
                Instant start = i < 1_100 ? T0 : T0.plusSeconds(i);
                String language = i % 7 == 0 ? "ti" : "en";
                CallRecord call = Fixtures.answeredCall(String.format("c%05d", i), start, "op-anna", language,
                        Territory.ASL3);
                store.calls().save(call);
                all.add(call);
            }
            all.sort(Comparator.comparing(CallRecord::startedAt).thenComparing(CallRecord::callId).reversed());

            assertThat(walk(store, CallQuery.all(500))).containsExactlyElementsOf(all);
            assertThat(walk(store, CallQuery.all(9).withLanguage("ti")))
                    .containsExactlyElementsOf(all.stream().filter(c -> c.language().orElseThrow().equals("ti")).toList());
        }
    }

    private static List<CallRecord> walk(RedisStore store, CallQuery first) {
        List<CallRecord> walked = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            CallQuery query = next.map(first::after).orElse(first);
            Page<CallRecord> page = store.calls().query(query);
            walked.addAll(page.items());
            next = page.next();
        } while (next.isPresent());
        return walked;
    }

    private Set<String> allKeys() {
        Set<String> keys = new HashSet<>();
        try (Jedis jedis = new Jedis(redis.url(), 5_000)) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1_000));
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        return keys;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
