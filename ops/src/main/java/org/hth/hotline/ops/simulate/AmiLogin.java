package org.hth.hotline.ops.simulate;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.hth.hotline.standin.ami.StandinAmiServer;

/** Waits until a client (the hotline) is logged in to the stand-in's AMI server. Used by one thread at a time. */
final class AmiLogin {
    private static final long POLL_MILLIS = 100;

    private final StandinAmiServer ami;

    AmiLogin(StandinAmiServer ami) {
        this.ami = ami;
    }

    /** True once a client is logged in; false when {@code timeout} passed first. */
    boolean await(Duration timeout) throws InterruptedException {
        CompletableFuture<Void> loggedIn = new CompletableFuture<>();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "simulate-ami-login");
            t.setDaemon(true);
            return t;
        });
        try {
            poller.scheduleAtFixedRate(() -> {
                if (ami.loggedInClients() > 0) {
                    loggedIn.complete(null);
                }
            }, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
            loggedIn.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            poller.shutdownNow();
        }
    }
}
