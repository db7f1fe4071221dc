package org.hth.hotline.core.telephony.agi;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.store.CallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The language of a repeat caller: the newest of their last five calls that has one the menu still offers. Looked
 * up on a few threads of its own, so that the store is read while the AGI worker talks to Asterisk; a lookup that
 * fails gives no language (the caller hears the menu). After {@link #close()} a lookup runs on the asking thread.
 * Thread-safe.
 */
final class PreviousLanguages implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(PreviousLanguages.class);
    private static final int CALLS_LOOKED_AT = 5;
    private static final int THREADS = 4;

    private final CallStore calls;
    private final LanguageMenu menu;
    private final ThreadPoolExecutor executor;

    PreviousLanguages(CallStore calls, LanguageMenu menu) {
        this.calls = calls;
        this.menu = menu;
        AtomicInteger number = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "route-language-" + number.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Starts looking up the caller's language; the call id only goes to the log's MDC. */
    CompletableFuture<Optional<String>> lookUp(String pseudonym, String callId) {
        CompletableFuture<Optional<String>> language = new CompletableFuture<>();
        Runnable lookup = () -> {
            MDC.put("callId", callId);
            try {
                language.complete(read(pseudonym));
            } catch (Error e) {
                language.completeExceptionally(e);
                throw e;
            } finally {
                MDC.remove("callId");
            }
        };
        try {
            executor.execute(lookup);
        } catch (RejectedExecutionException e) {
            language.complete(read(pseudonym));
        }
        return language;
    }

    private Optional<String> read(String pseudonym) {
        try {
            return calls.byCaller(pseudonym, CALLS_LOOKED_AT).items().stream()
                    .map(CallRecord::language).flatMap(Optional::stream)
                    .map(menu::offered).flatMap(Optional::stream)
                    .findFirst();
        } catch (RuntimeException e) {
            log.warn("previous calls not readable ({}); playing the menu", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
