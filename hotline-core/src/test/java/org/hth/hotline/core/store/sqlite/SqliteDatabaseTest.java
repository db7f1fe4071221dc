package org.hth.hotline.core.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
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
}
