package org.hth.hotline.core.telephony.agi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

import org.hth.hotline.core.live.InProcessLiveEvents;
import org.hth.hotline.core.privacy.CallerPseudonymiser;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.roster.LiveRoster;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.roster.RosterParser;
import org.hth.hotline.core.testing.MutableClock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Starts the FastAGI server on a free loopback port before each test, with a two-step roster (Anna's console,
 * then Luca's console and mobile), an in-memory store, and a log appender to check what was logged.
 */
final class RouteServerExtension implements BeforeEachCallback, AfterEachCallback {
    static final String ROSTER = """
            timezone: Europe/Rome
            operators:
              - id: op-anna
                name: Anna
                languages: [it, en]
                endpoints:
                  console: PJSIP/op-anna
                  mobile: PJSIP/+393330000001@trunk
              - id: op-luca
                name: Luca
                languages: [it, sq]
                endpoints:
                  console: PJSIP/op-luca
                  mobile: PJSIP/+393330000002@trunk
            rotations:
              - id: all
                members: [op-anna, op-luca]
                handoff: { weekday: MONDAY, time: "09:00" }
            escalation:
              - { ring: "operator:op-anna", seconds: 20, prefer: console }
              - { ring: "operator:op-luca", seconds: 20 }
            fallback:
              - { dial: "PJSIP/national-fallback", seconds: 60 }
              - { voicemail: "hotline@default" }
            """;
    static final byte[] PSEUDONYM_KEY = "test-pseudonym-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SEALING_KEY = new byte[32];

    final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T23:39:17Z"));
    final FakeStore store = new FakeStore();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final CallerPseudonymiser pseudonymiser = new CallerPseudonymiser(PSEUDONYM_KEY);
    final NumberSealer sealer = new NumberSealer(SEALING_KEY);
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<String> allowed;
    /** Where the test tells of presence changes, as the console does. */
    final InProcessLiveEvents live = new InProcessLiveEvents();
    private LiveRoster liveRoster;
    private HotlineAgiServer server;
    private boolean withoutRoster;
    private int maxCalls = 400;
    private KnownCallers knownCallers = KnownCallers.unknown();

    RouteServerExtension() {
        this(List.of("127.0.0.1/32"));
    }

    RouteServerExtension(List<String> allowed) {
        this.allowed = allowed;
        Arrays.fill(SEALING_KEY, (byte) 3);
    }

    /** A server whose store never had a roster: every call fails in the script and goes to the dialplan. */
    RouteServerExtension withoutRoster() {
        this.withoutRoster = true;
        return this;
    }

    /** A script that asks {@code known} whether a caller may have called before reading their history. */
    RouteServerExtension knownCallers(KnownCallers known) {
        this.knownCallers = known;
        return this;
    }

    /** A server that takes at most this many connections at once. */
    RouteServerExtension maxCalls(int calls) {
        this.maxCalls = calls;
        return this;
    }

    int port() {
        return server.port();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Roster roster = new RosterParser().parse(ROSTER);
        // Anna is logged in to the console, so the first step rings her there only
        store.roster().setPresence(new Presence("op-anna", PresenceState.AVAILABLE, clock.instant()));
        RouteMetrics metrics = new RouteMetrics(registry);
        Supplier<Roster> stored = withoutRoster ? () -> {
            throw new IllegalStateException("no roster is loaded");
        } : () -> roster;
        liveRoster = new LiveRoster(stored, store.roster(), live, LiveRoster.DEFAULT_REFRESH);
        liveRoster.start();
        RouteScript route = new RouteScript(liveRoster, store, knownCallers, clock, pseudonymiser, sealer,
                RouteConfig.defaults(), metrics);
        server = new HotlineAgiServer(new AgiServerConfig("127.0.0.1", 0, allowed, 2, maxCalls, Duration.ofMillis(500)),
                route, metrics);
        logs.start();
        root().addAppender(logs);
        server.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
        liveRoster.close();
        root().detachAppender(logs);
    }

    /** Every log line, rendered, with its MDC. */
    String renderedLogs() {
        StringBuilder all = new StringBuilder();
        for (ILoggingEvent event : logs.list) {
            all.append(event.getFormattedMessage()).append(' ').append(event.getMDCPropertyMap()).append('\n');
            if (event.getThrowableProxy() != null) {
                all.append(event.getThrowableProxy().getMessage()).append('\n');
            }
        }
        return all.toString();
    }

    double calls(String result) {
        return registry.get("hotline.route.calls").tag("result", result).counter().count();
    }

    private static Logger root() {
        return (Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
