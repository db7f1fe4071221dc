package org.hth.hotline.core.telephony.agi;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.privacy.CallerPseudonymiser;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.roster.EscalationPlan;
import org.hth.hotline.core.roster.EscalationPlanner;
import org.hth.hotline.core.roster.Presence;
import org.hth.hotline.core.roster.PresenceState;
import org.hth.hotline.core.roster.Roster;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.telephony.ChannelVariables;
import org.hth.hotline.core.telephony.agi.RouteMetrics.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The FastAGI script {@code route}: sets {@code HOTLINE_CALL_ID} and {@code HOTLINE_CALLER}, answers, picks the
 * language (a repeat caller keeps their last one, everyone else hears the menu), rings the escalation plan of
 * the moment and, when it is exhausted, opens a callback ticket and runs the fallback. It settles the call with
 * {@code HOTLINE_OUTCOME}; whenever it cannot (a failure of its own, a fallback that took nobody) it leaves the
 * variable empty and the dialplan rings the fallback itself, so no call is ever dropped because of the server.
 *
 * <p>The caller's number is read from {@code agi_callerid} as sent, normalised and pseudonymised at once; it
 * is never logged, never stored in clear, never set on the channel. Log lines carry the call id in the MDC
 * ({@code callId}). Thread-safe: one instance serves every call, each on its own AGI worker thread, and
 * blocks that thread for the whole call (a {@code Dial} lasts until the conversation ends).
 */
public final class RouteScript implements AgiScript {
    /** The name Asterisk asks for: {@code AGI(agi://host:4573/route)}. */
    public static final String NAME = "route";

    private static final Logger log = LoggerFactory.getLogger(RouteScript.class);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final Supplier<Roster> roster;
    private final Store store;
    private final Clock clock;
    private final CallerPseudonymiser pseudonymiser;
    private final RouteConfig config;
    private final RouteMetrics metrics;
    private final DialArguments dialArguments;
    private final CallbackTickets callbacks;

    public RouteScript(Supplier<Roster> roster, Store store, Clock clock, CallerPseudonymiser pseudonymiser,
                       NumberSealer sealer, RouteConfig config, RouteMetrics metrics) {
        this.roster = roster;
        this.store = store;
        this.clock = clock;
        this.pseudonymiser = pseudonymiser;
        this.config = config;
        this.metrics = metrics;
        this.dialArguments = new DialArguments(config);
        this.callbacks = new CallbackTickets(store.tickets(), sealer, clock, config);
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        RouteMetrics.Decision decision = metrics.startDecision();
        try {
            String callId = callId(request, channel);
            MDC.put("callId", callId);
            Result result = route(request, channel, callId, decision);
            metrics.count(result);
            log.info("route ended: {}", result);
        } catch (AgiHangupException e) {
            metrics.count(Result.DISCONNECTED);
            log.info("route ended: the AGI connection closed (caller gone)");
        } catch (AgiException | RuntimeException e) {
            metrics.count(Result.FAILED);
            log.warn("route failed ({}); HOTLINE_OUTCOME left empty, the dialplan rings the fallback",
                    e.getClass().getSimpleName());
        } finally {
            MDC.remove("callId");
        }
    }

    private Result route(AgiRequest request, AgiChannel channel, String callId, RouteMetrics.Decision decision)
            throws AgiException {
        CallerIdentity caller = CallerIdentity.of(rawCallerId(request), pseudonymiser);
        channel.setVariable(ChannelVariables.CALL_ID, callId);
        channel.setVariable(ChannelVariables.CALLER, caller.variable());
        channel.answer();
        Optional<String> language = caller.pseudonym().flatMap(this::previousLanguage);
        if (language.isEmpty()) {
            String digits = channel.getData(config.menu().prompts(), config.menu().timeout().toMillis(), 1);
            if ("-1".equals(digits)) {
                return settle(channel, CallOutcome.ABANDONED);
            }
            language = Optional.of(config.menu().choose(digits));
        }
        String lang = language.get();
        channel.setVariable(ChannelVariables.LANGUAGE, lang);

        EscalationPlan plan = new EscalationPlanner(roster.get()).plan(clock.instant(), presence(), language);
        Escalation escalation = new Escalation(channel, dialArguments, decision);
        switch (escalation.ringSteps(plan.steps(), lang)) {
            case ANSWERED:
                return settle(channel, CallOutcome.ANSWERED);
            case CALLER_GONE:
                return settle(channel, CallOutcome.ABANDONED);
            default:
                break;
        }
        openCallback(channel, callId, caller, lang);
        Optional<CallOutcome> outcome = escalation.fallback(plan.fallback());
        if (outcome.isEmpty()) {
            log.warn("the fallback took nobody; HOTLINE_OUTCOME left empty for the dialplan");
            return Result.UNSETTLED;
        }
        return settle(channel, outcome.get());
    }

    private void openCallback(AgiChannel channel, String callId, CallerIdentity caller, String language)
            throws AgiException {
        String ticketId;
        try {
            ticketId = callbacks.open(callId, caller, language);
        } catch (RuntimeException e) {
            log.warn("callback ticket not stored ({}); going on with the fallback", e.getClass().getSimpleName());
            return;
        }
        channel.setVariable(ChannelVariables.CALLBACK_TICKET, ticketId);
        log.info("callback ticket {} opened", ticketId);
    }

    /** Sets {@code HOTLINE_OUTCOME}; a caller who already hung up may have taken the channel with them. */
    private static Result settle(AgiChannel channel, CallOutcome outcome) throws AgiException {
        try {
            channel.setVariable(ChannelVariables.OUTCOME, outcome.name());
        } catch (AgiHangupException e) {
            if (outcome != CallOutcome.ABANDONED) {
                throw e;
            }
        }
        return Result.valueOf(outcome.name());
    }

    private Optional<String> previousLanguage(String pseudonym) {
        try {
            return store.calls().byCaller(pseudonym, 5).items().stream()
                    .map(CallRecord::language).flatMap(Optional::stream)
                    .map(code -> config.menu().offered(code)).flatMap(Optional::stream)
                    .findFirst();
        } catch (RuntimeException e) {
            log.warn("previous calls not readable ({}); playing the menu", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private Map<String, PresenceState> presence() {
        Map<String, PresenceState> presence = new HashMap<>();
        try {
            for (Presence p : store.roster().allPresence()) {
                presence.put(p.operatorId(), p.state());
            }
        } catch (RuntimeException e) {
            log.warn("presence not readable ({}); planning without it", e.getClass().getSimpleName());
        }
        return presence;
    }

    /** Asterisk's linkedid of the channel, or its uniqueid; only characters that are safe in a log line. */
    private static String callId(AgiRequest request, AgiChannel channel) throws AgiException {
        String linkedId = channel.getVariable("CHANNEL(linkedid)");
        if (linkedId != null && SAFE_ID.matcher(linkedId).matches()) {
            return linkedId;
        }
        String uniqueId = request.getUniqueId();
        if (uniqueId != null && SAFE_ID.matcher(uniqueId).matches()) {
            return uniqueId;
        }
        throw new IllegalStateException("the channel has no usable linkedid or uniqueid");
    }

    /** {@code agi_callerid} exactly as Asterisk sent it (not Asterisk-Java's parse of a "name" &lt;num&gt; form). */
    private static String rawCallerId(AgiRequest request) {
        Map<String, String> environment = request.getRequest();
        return environment == null ? null : environment.get("callerid");
    }
}
