package org.hth.hotline.ops.serve;

import java.io.UncheckedIOException;
import java.net.BindException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.hth.hotline.core.config.AmiConfig;
import org.hth.hotline.core.config.HotlineConfig;
import org.hth.hotline.core.health.HealthCheck;
import org.hth.hotline.core.live.LiveEvents;
import org.hth.hotline.core.privacy.CallerPseudonymiser;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.roster.LiveRoster;
import org.hth.hotline.core.roster.StoredRoster;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.telephony.AmiActions;
import org.hth.hotline.core.telephony.agi.AgiServerConfig;
import org.hth.hotline.core.telephony.agi.HotlineAgiServer;
import org.hth.hotline.core.telephony.agi.KnownCallers;
import org.hth.hotline.core.telephony.agi.RouteConfig;
import org.hth.hotline.core.telephony.agi.RouteMetrics;
import org.hth.hotline.core.telephony.agi.RouteScript;
import org.hth.hotline.core.telephony.ami.AmiCallTracking;
import org.hth.hotline.core.telephony.ami.AmiSettings;
import org.hth.hotline.core.telephony.ami.ManagerActions;
import org.hth.hotline.core.telephony.ami.TrackerSettings;
import org.hth.hotline.ops.health.PbxHealth;

/**
 * The Asterisk controller of a running server: the FastAGI {@code route} script and, when an AMI secret is
 * set, the AMI call tracker. Started and stopped by the server assembly; {@link #close()} stops both (calls
 * being routed go on to their end).
 */
final class Telephony implements AutoCloseable {
    /** A quiet AMI connection is checked this often. */
    private static final Duration AMI_PING = Duration.ofSeconds(20);
    private static final Duration ENVIRONMENT_DEADLINE = Duration.ofSeconds(5);

    private final HotlineAgiServer agi;
    private final LiveRoster liveRoster;
    private final Optional<AmiCallTracking> ami;
    private final HealthCheck pbxHealth;
    private final KnownCallersLoading knownCallers;

    private Telephony(HotlineAgiServer agi, LiveRoster liveRoster, Optional<AmiCallTracking> ami,
                      HealthCheck pbxHealth, KnownCallersLoading knownCallers) {
        this.agi = agi;
        this.knownCallers = knownCallers;
        this.liveRoster = liveRoster;
        this.ami = ami;
        this.pbxHealth = pbxHealth;
    }

    static Telephony start(HotlineConfig config, Store store, LiveEvents live, MeterRegistry registry, Clock clock) {
        StoredRoster roster = new StoredRoster(store.roster());
        RouteMetrics routeMetrics = new RouteMetrics(registry);
        RouteConfig route = new RouteConfig(RouteConfig.defaults().menu(), RouteConfig.defaults().whisperPrefix(),
                RouteConfig.defaults().acceptContext(), config.agi().callbackRetention());
        LiveRoster liveRoster = new LiveRoster(roster, store.roster(), live, LiveRoster.DEFAULT_REFRESH);
        liveRoster.start();
        KnownCallersLoading loading = KnownCallersLoading.start(config.store(), store, live);
        KnownCallers knownCallers = loading.knownCallers();
        RouteScript script = new RouteScript(liveRoster, store, knownCallers, clock,
                new CallerPseudonymiser(config.secrets().pseudonymKey().bytes()),
                new NumberSealer(config.secrets().encryptionKey().bytes()), route, routeMetrics);
        AgiServerConfig agiConfig = new AgiServerConfig(config.agi().host(), config.agi().port(),
                config.agi().allowedClients(), AgiServerConfig.DEFAULT_STORE_THREADS,
                config.agi().maxCalls(), ENVIRONMENT_DEADLINE);
        HotlineAgiServer agi = new HotlineAgiServer(agiConfig, script, routeMetrics);
        try {
            agi.start();
        } catch (UncheckedIOException e) {
            liveRoster.close();
            loading.close();
            String where = config.agi().host() + ":" + config.agi().port();
            String why = e.getCause() instanceof BindException ? "is already in use or cannot be bound"
                    : "cannot be listened on";
            throw new StartupException("agi.port: " + where + " " + why + " (" + e.getCause().getMessage()
                    + "); expected a free port (set HOTLINE_AGI_PORT)", e);
        }
        Optional<AmiCallTracking> ami = amiTracking(config.ami(), knownCallers.recording(store.calls()), live,
                roster, registry, clock);
        ami.ifPresent(AmiCallTracking::start);
        HealthCheck pbx = ami.<HealthCheck>map(AmiCallTracking::healthCheck).orElse(new PbxHealth(config.ami()));
        return new Telephony(agi, liveRoster, ami, pbx, loading);
    }

    private static Optional<AmiCallTracking> amiTracking(AmiConfig ami, CallStore calls, LiveEvents live,
                                                         StoredRoster roster, MeterRegistry registry, Clock clock) {
        if (!ami.enabled() || ami.secret().isEmpty()) {
            return Optional.empty();
        }
        AmiSettings settings = new AmiSettings(ami.host(), ami.port(), ami.username(), ami.secret().get().value(),
                ami.connectTimeout(), ami.reconnectMin(), ami.reconnectMax(), AMI_PING);
        return Optional.of(new AmiCallTracking(settings, TrackerSettings.defaults(), calls, live, roster,
                clock, registry));
    }

    /** The port FastAGI listens on. */
    int agiPort() {
        return agi.port();
    }

    /** AMI actions over the tracker's connection; when AMI is not configured, actions fail saying so. */
    AmiActions amiActions() {
        return ami.<AmiActions>map(tracking -> new ManagerActions(tracking.connection()))
                .orElse(AmiActions.unavailable("AMI is not configured (ami.secret)"));
    }

    HealthCheck pbxHealth() {
        return pbxHealth;
    }

    @Override
    public void close() {
        knownCallers.close();
        agi.stop();
        liveRoster.close();
        ami.ifPresent(AmiCallTracking::stop);
    }
}
