package org.hth.hotline.core.telephony.ami;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.DefaultManagerConnection;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.hth.hotline.core.live.LiveEvent;
import org.hth.hotline.core.live.LiveEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived, supervised AMI connection. Asterisk-Java's own reconnection is not used: it retries every 5 s
 * for ever, and never retries a first login that failed. Instead each attempt uses a fresh
 * {@link ManagerConnection}; a failed login or a dropped connection (Asterisk-Java's {@code DisconnectEvent}, or a
 * {@code Ping} without answer) is retried after an exponential back-off between {@link AmiSettings#reconnectMin()}
 * and {@link AmiSettings#reconnectMax()}, and a dropped connection is logged off at once so that Asterisk-Java's
 * reconnect thread stops. Each change of state is published as a {@code pbx.connection} live event.
 *
 * <p>Thread-safe. Logins, pings and the listener's {@code onConnected}/{@code onDisconnected} run on this
 * connection's own supervisor thread; events reach the listener on Asterisk-Java's event thread.
 */
public final class AmiConnection {
    private static final Logger log = LoggerFactory.getLogger(AmiConnection.class);

    private final AmiSettings settings;
    private final Function<AmiSettings, ManagerConnection> factory;
    private final Clock clock;
    private final LiveEvents live;
    private final AmiListener listener;
    private final AmiMetrics metrics;
    private final Backoff backoff;
    private volatile AmiStatus status;
    private ScheduledExecutorService supervisor;
    /** Written on the supervisor thread only; read by {@link #connected()} from any thread. */
    private volatile ManagerConnection current;
    // the fields below are touched on the supervisor thread only
    private ScheduledFuture<?> pending;
    private ScheduledFuture<?> ping;
    private int failures;
    private boolean stopped;

    public AmiConnection(AmiSettings settings, Clock clock, MeterRegistry registry, LiveEvents live,
                         AmiListener listener) {
        this(settings, AmiConnection::asteriskJava, clock, registry, live, listener);
    }

    /** With another source of connections (tests). */
    public AmiConnection(AmiSettings settings, Function<AmiSettings, ManagerConnection> factory, Clock clock,
                         MeterRegistry registry, LiveEvents live, AmiListener listener) {
        this.settings = settings;
        this.factory = factory;
        this.clock = clock;
        this.live = live;
        this.listener = listener;
        this.backoff = new Backoff(settings.reconnectMin(), settings.reconnectMax());
        this.status = new AmiStatus(AmiStatus.State.DISCONNECTED, clock.instant(), Optional.of("not started"),
                Optional.empty(), false);
        this.metrics = new AmiMetrics(registry, this::status);
    }

    /** Asterisk-Java's connection with our timeouts: connect and each login reply within the connect timeout. */
    static ManagerConnection asteriskJava(AmiSettings settings) {
        DefaultManagerConnection connection = new DefaultManagerConnection(settings.host(), settings.port(),
                settings.username(), settings.secret());
        int millis = (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis());
        connection.setSocketTimeout(millis);
        connection.setDefaultResponseTimeout(millis);
        connection.setDefaultEventTimeout(millis);
        connection.setKeepAliveAfterAuthenticationFailure(false);
        connection.setEncoding(StandardCharsets.UTF_8);
        return connection;
    }

    public AmiSettings settings() {
        return settings;
    }

    public AmiStatus status() {
        return status;
    }

    /** The logged-in connection, for sending actions; empty while disconnected. */
    public Optional<ManagerConnection> connected() {
        return Optional.ofNullable(current);
    }

    /** Starts connecting in the background; returns at once. */
    public synchronized void start() {
        if (supervisor != null) {
            return;
        }
        supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hotline-ami-supervisor");
            thread.setDaemon(true);
            return thread;
        });
        supervisor.execute(this::attempt);
    }

    /** Logs off and stops retrying; waits up to the connect timeout for the supervisor to finish. */
    public synchronized void stop() {
        if (supervisor == null) {
            return;
        }
        supervisor.execute(() -> {
            stopped = true;
            cancel(pending);
            cancel(ping);
            if (current != null) {
                logoff(current);
                current = null;
            }
            change(AmiStatus.State.DISCONNECTED, Optional.of("stopped"), Optional.empty());
        });
        supervisor.shutdown();
        try {
            supervisor.awaitTermination(settings.connectTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void attempt() {
        if (stopped) {
            return;
        }
        change(AmiStatus.State.CONNECTING, status.lastError(), Optional.empty());
        ManagerConnection connection = factory.apply(settings);
        connection.addEventListener(event -> {
            metrics.received(event);
            if (event instanceof DisconnectEvent) {
                supervisor.execute(() -> lost(connection, "connection closed by " + settings.address()));
            } else if (event instanceof ConnectEvent) {
                supervisor.execute(() -> discardIfStale(connection));
            } else {
                listener.onEvent(event);
            }
        });
        try {
            connection.login("on");
        } catch (IOException | AuthenticationFailedException | TimeoutException | RuntimeException e) {
            logoff(connection);
            failures++;
            Duration wait = backoff.delay(failures);
            String error = describe(e);
            log.warn("AMI login to {} failed ({}); retrying in {} ms", settings.address(), error, wait.toMillis());
            change(AmiStatus.State.DISCONNECTED, Optional.of(error), Optional.of(wait));
            pending = supervisor.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        current = connection;
        failures = 0;
        log.info("AMI logged in to {}", settings.address());
        change(AmiStatus.State.CONNECTED, Optional.empty(), Optional.empty());
        long every = settings.pingInterval().toMillis();
        ping = supervisor.scheduleWithFixedDelay(this::ping, every, every, TimeUnit.MILLISECONDS);
        try {
            listener.onConnected(connection);
        } catch (RuntimeException e) {
            log.warn("AMI listener failed after login: {}", e.toString());
        }
    }

    private void ping() {
        ManagerConnection connection = current;
        if (connection == null) {
            return;
        }
        try {
            connection.sendAction(new PingAction(), settings.connectTimeout().toMillis());
        } catch (IOException | TimeoutException | RuntimeException e) {
            lost(connection, "no answer to Ping from " + settings.address());
        }
    }

    private void lost(ManagerConnection connection, String reason) {
        if (connection != current || stopped) {
            return;
        }
        current = null;
        cancel(ping);
        logoff(connection);
        failures = 1;
        Duration wait = backoff.delay(failures);
        log.warn("AMI {}; reconnecting in {} ms", reason, wait.toMillis());
        change(AmiStatus.State.DISCONNECTED, Optional.of(reason), Optional.of(wait));
        try {
            listener.onDisconnected(reason);
        } catch (RuntimeException e) {
            log.warn("AMI listener failed after disconnection: {}", e.toString());
        }
        pending = supervisor.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A connection that logged in again on Asterisk-Java's own reconnect thread, after we let it go. */
    private void discardIfStale(ManagerConnection connection) {
        if (connection != current) {
            logoff(connection);
        }
    }

    private void change(AmiStatus.State state, Optional<String> error, Optional<Duration> retryIn) {
        AmiStatus before = status;
        boolean changed = before.state() != state;
        status = new AmiStatus(state, changed ? clock.instant() : before.since(), error, retryIn,
                before.everConnected() || state == AmiStatus.State.CONNECTED);
        if (changed) {
            live.publish(new LiveEvent("pbx.connection", status.since(), Map.of("state", state.name(),
                    "address", settings.address(), "error", error.orElse(""))));
        }
    }

    private String describe(Exception e) {
        if (e instanceof ConnectException) {
            return "connection refused by " + settings.address();
        }
        if (e instanceof SocketTimeoutException || e instanceof TimeoutException) {
            return "no answer from " + settings.address() + " within " + settings.connectTimeout().toMillis() + " ms";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + settings.host();
        }
        if (e instanceof AuthenticationFailedException) {
            return "login refused by " + settings.address() + ": " + SafeText.clean(e.getMessage()).orElse("no reason");
        }
        return settings.address() + ": " + e.getClass().getSimpleName()
                + SafeText.clean(e.getMessage()).map(m -> " " + m).orElse("");
    }

    private static void logoff(ManagerConnection connection) {
        try {
            connection.logoff();
        } catch (IllegalStateException e) {
            // not logged in: nothing to stop
        } catch (RuntimeException e) {
            log.debug("AMI logoff failed: {}", e.toString());
        }
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
