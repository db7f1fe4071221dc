package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.hth.hotline.core.referral.Territory;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.testing.Fixtures;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDatabaseTest {
    private static final Instant T0 = Instant.parse("2026-11-21T22:00:00Z");

    @TempDir
    Path dir;

    @Test
    void readsRunWhileAWriteTransactionIsOpenAndSeeOnlyCommittedData() throws Exception {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, new MutableClock(T0)).close();
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch read = new CountDownLatch(1);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> database.write("hold", c -> {
                try (var statement = c.createStatement()) {
                    statement.executeUpdate("INSERT INTO presence VALUES ('op-anna', '{}')");
                }
                written.countDown();
                return awaitQuietly(read);
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

            int seen = database.read("count", c -> {
                try (var statement = c.createStatement(); var rs = statement.executeQuery("SELECT COUNT(*) FROM presence")) {
                    rs.next();
                    return rs.getInt(1);
                }
            });
            read.countDown();
            writer.get(10, TimeUnit.SECONDS);

            assertThat(seen).isZero();
        }
    }

    @Test
    void writesThatWaitAreCommittedTogetherAndOneThatFailsIsRolledBackAlone() throws Exception {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, new MutableClock(T0)).close();
        ExecutorService writers = Executors.newFixedThreadPool(5);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<Boolean> first = writers.submit(() -> database.write("hold", c -> {
                holding.countDown();
                return awaitQuietly(release);
            }));
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
            List<Future<Integer>> inserts = new ArrayList<>();
            for (String operator : List.of("op-anna", "op-luca", "op-sara")) {
                inserts.add(writers.submit(() -> database.write("insert " + operator, c -> {
                    ranOn.add(Thread.currentThread());
                    return insertPresence(c, operator);
                })));
            }
            Future<Integer> failing = writers.submit(() -> database.write("insert and fail", c -> {
                ranOn.add(Thread.currentThread());
                insertPresence(c, "op-gone");
                return insertPresence(c, "op-gone"); // its primary key is taken: the second insert fails
            }));
            await().atMost(Duration.ofSeconds(10)).until(() -> database.waitingWrites() == 4);

            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            for (Future<Integer> insert : inserts) {
                assertThat(insert.get(10, TimeUnit.SECONDS)).isEqualTo(1);
            }
            assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreException.class)
                    .hasMessageContaining("insert and fail");
            assertThat(ranOn).hasSize(1);
            List<String> stored = database.read("who", c -> {
                List<String> ids = new ArrayList<>();
                try (var statement = c.createStatement();
                     var rs = statement.executeQuery("SELECT operator_id FROM presence ORDER BY operator_id")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
            assertThat(stored).containsExactly("op-anna", "op-luca", "op-sara");
        } finally {
            writers.shutdownNow();
        }
    }

    @Test
    void aWriteInsideAWriteIsRefusedAndTheOuterWriteStillCommits() {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, new MutableClock(T0)).close();
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            int inserted = database.write("outer", c -> {
                assertThatThrownBy(() -> database.write("inner", inner -> insertPresence(inner, "op-luca")))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("inner");
                return insertPresence(c, "op-anna");
            });

            assertThat(inserted).isEqualTo(1);
            List<String> stored = database.read("who", c -> {
                List<String> ids = new ArrayList<>();
                try (var statement = c.createStatement();
                     var rs = statement.executeQuery("SELECT operator_id FROM presence")) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
                return ids;
            });
            assertThat(stored).containsExactly("op-anna");
        }
    }

    private static int insertPresence(java.sql.Connection c, String operator) throws java.sql.SQLException {
        try (var statement = c.prepareStatement("INSERT INTO presence VALUES (?, '{}')")) {
            statement.setString(1, operator);
            return statement.executeUpdate();
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void aRecordThatCannotBeReadIsNamedWithoutItsContent() {
        Path file = dir.resolve("hotline.db");
        try (SqliteStore store = SqliteStore.open(file, new MutableClock(T0));
             SqliteDatabase database = SqliteDatabase.open(file)) {
            store.calls().save(Fixtures.answeredCall("c1", T0, "op-anna", "en", Territory.ASL5));
            database.write("damage", c -> {
                try (var statement = c.createStatement()) {
                    return statement.executeUpdate("UPDATE call_record SET json = "
                            + "'{\"notes\": \"confidential note\", \"outcome\": \"confidential outcome\"}'");
                }
            });

            assertThatThrownBy(() -> store.calls().find("c1"))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("c1")
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("confidential"));
        }
    }

    @Test
    void theLogIsCheckpointedIntoTheDatabaseFileOffTheWriter() throws Exception {
        Path file = dir.resolve("hotline.db");
        SqliteStore.open(file, new MutableClock(T0)).close();
        long before = Files.size(file);
        try (SqliteDatabase database = SqliteDatabase.open(file)) {
            // 400 KB: 100 pages, far below the writer's own checkpoint at WalCheckpointer.WRITER_PAGES
            for (int i = 0; i < 100; i++) {
                int n = i;
                database.write("presence " + n, c -> {
                    try (var insert = c.prepareStatement("INSERT INTO presence VALUES (?, ?)")) {
                        insert.setString(1, "op-" + n);
                        insert.setString(2, "x".repeat(4_000));
                        return insert.executeUpdate();
                    }
                });
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> Files.size(file) > before + 300_000);
        }
    }
}
