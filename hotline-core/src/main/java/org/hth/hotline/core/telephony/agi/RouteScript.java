package org.hth.hotline.core.telephony.agi;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.privacy.CallerPseudonymiser;
import org.hth.hotline.core.privacy.NumberSealer;
import org.hth.hotline.core.roster.EscalationPlan;
import org.hth.hotline.core.roster.EscalationPlanner;
import org.hth.hotline.core.roster.LiveRoster;
import org.hth.hotline.core.store.Store;
import org.hth.hotline.core.telephony.ChannelVariables;
import org.hth.hotline.core.telephony.agi.RouteMetrics.Result;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The FastAGI script {@code route}: sets {@code HOTLINE_CALL_ID} and {@code HOTLINE_CALLER}, picks the language (a
 * repeat caller keeps their last one, everyone else hears the menu), rings the escalation plan of the moment and,
 * when it is exhausted, opens a callback ticket and runs the fallback. It settles the call with
 * {@code HOTLINE_OUTCOME}; whenever it cannot (a failure of its own, a fallback that took nobody) it leaves the
 * variable empty and the dialplan rings the fallback itself, so no call is ever dropped because of the server.
 *
 * <p>The way to the first {@code Dial} is short: the dialplan answers the call and passes the linkedid as the
 * script's first argument ({@code AGI(agi://…/route,${CHANNEL(linkedid)})}; without it the script asks with
 * {@code GET VARIABLE}); the variables ({@code CALL_ID}, {@code CALLER}, {@code LANG} and the first
 * {@code STEP}) ride on the first Dial itself, whose {@code B()} option has the dialplan's {@code [hotline-vars]}
 * set them on the caller's channel before anyone rings ({@link VariableBatch#takeForDial()}; a value it cannot
 * carry safely goes out in one {@code EXEC MSet} just before the Dial instead); the roster and presence come from
 * memory ({@link LiveRoster}); the one store read left is a repeat caller's language, an indexed read. So a new
 * caller takes two commands up to the Dial (menu, Dial), a repeat caller one.
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

    private final LiveRoster roster;
    private final Clock clock;
    private final CallerPseudonymiser pseudonymiser;
    private final RouteConfig config;
    private final RouteMetrics metrics;
    private final DialArguments dialArguments;
    private final CallbackTickets callbacks;
    private final PreviousLanguages previousLanguages;
    /** The menu's prompts joined for GET DATA, once. */
    private final String menuPrompts;

    /**
     * @param roster the roster and presence in memory, started by the owner (who also closes it)
     * @param store  where repeat callers' calls are read and callback tickets written
     */
    public RouteScript(LiveRoster roster, Store store, Clock clock, CallerPseudonymiser pseudonymiser,
                       NumberSealer sealer, RouteConfig config, RouteMetrics metrics) {
        this.roster = roster;
        this.clock = clock;
        this.pseudonymiser = pseudonymiser;
        this.config = config;
        this.metrics = metrics;
        this.dialArguments = new DialArguments(config);
        this.callbacks = new CallbackTickets(store.tickets(), sealer, clock, config);
        this.previousLanguages = new PreviousLanguages(store.calls(), config.menu());
        this.menuPrompts = config.menu().prompts();
    }

    @Override
    public void service(AgiRequest request, AgiChannel channel) {
        RouteMetrics.Decision decision = metrics.startDecision();
        VariableBatch variables = new VariableBatch(channel);
        try {
            String callId = callId(request, channel);
            MDC.put("callId", callId);
            Result result = route(request, channel, variables, callId, decision);
            metrics.count(result);
            log.info("route ended: {}", result);
        } catch (AgiHangupException e) {
            metrics.count(Result.DISCONNECTED);
            log.info("route ended: the AGI connection closed (caller gone)");
        } catch (AgiException | RuntimeException e) {
            metrics.count(Result.FAILED);
            log.warn("route failed ({}); HOTLINE_OUTCOME left empty, the dialplan rings the fallback",
                    e.getClass().getSimpleName());
            setWhatIsPending(variables);
        } finally {
            MDC.remove("callId");
        }
    }

    /**
     * The variables go out with the first command that needs to be sent anyway: {@code CALL_ID} and {@code CALLER}
     * with {@code LANG} and the first {@code STEP} just before the first Dial (or with the outcome of a caller who
     * hung up in the menu, or, when the script fails, on its way out).
     */
    private Result route(AgiRequest request, AgiChannel channel, VariableBatch variables, String callId,
                         RouteMetrics.Decision decision) throws AgiException {
        CallerIdentity caller = CallerIdentity.of(rawCallerId(request), pseudonymiser);
        variables.add(ChannelVariables.CALL_ID, callId).add(ChannelVariables.CALLER, caller.variable());
        Optional<String> language = caller.pseudonym().flatMap(previousLanguages::of);
        if (language.isEmpty()) {
            String digits = channel.getData(menuPrompts, config.menu().timeout().toMillis(), 1);
            if ("-1".equals(digits)) {
                return settle(variables, CallOutcome.ABANDONED);
            }
            language = Optional.of(config.menu().choose(digits));
        }
        String lang = language.get();
        variables.add(ChannelVariables.LANGUAGE, lang);

        EscalationPlan plan = new EscalationPlanner(roster.roster()).plan(clock.instant(), roster.presence(),
                language);
        Escalation escalation = new Escalation(channel, variables, dialArguments, decision);
        switch (escalation.ringSteps(plan.steps(), lang)) {
            case ANSWERED:
                return settle(variables, CallOutcome.ANSWERED);
            case CALLER_GONE:
                return settle(variables, CallOutcome.ABANDONED);
            default:
                break;
        }
        openCallback(variables, callId, caller, lang);
        Optional<CallOutcome> outcome = escalation.fallback(plan.fallback());
        if (outcome.isEmpty()) {
            variables.flush();
            log.warn("the fallback took nobody; HOTLINE_OUTCOME left empty for the dialplan");
            return Result.UNSETTLED;
        }
        return settle(variables, outcome.get());
    }

    /** After a failure: the variables that did not go out yet, if the channel still takes them. */
    private static void setWhatIsPending(VariableBatch variables) {
        try {
            variables.flush();
        } catch (AgiException | RuntimeException e) {
            log.debug("pending variables not set after the failure ({})", e.getClass().getSimpleName());
        }
    }

    /** Opens the ticket; its id goes out with the variables before the fallback's Dial. */
    private void openCallback(VariableBatch variables, String callId, CallerIdentity caller, String language) {
        String ticketId;
        try {
            ticketId = callbacks.open(callId, caller, language);
        } catch (RuntimeException e) {
            log.warn("callback ticket not stored ({}); going on with the fallback", e.getClass().getSimpleName());
            return;
        }
        variables.add(ChannelVariables.CALLBACK_TICKET, ticketId);
        log.info("callback ticket {} opened", ticketId);
    }

    /**
     * Sets {@code HOTLINE_OUTCOME} with whatever is pending ({@code HOTLINE_ANSWERED_BY}); a caller who already
     * hung up may have taken the channel with them.
     */
    private static Result settle(VariableBatch variables, CallOutcome outcome) throws AgiException {
        try {
            variables.add(ChannelVariables.OUTCOME, outcome.name()).flush();
        } catch (AgiHangupException e) {
            if (outcome != CallOutcome.ABANDONED) {
                throw e;
            }
        }
        return Result.valueOf(outcome.name());
    }

    /**
     * The call id: Asterisk's linkedid of the channel (the script's first argument, as the dialplan passes it, or
     * else asked for), or its uniqueid; only characters that are safe in a log line.
     */
    private static String callId(AgiRequest request, AgiChannel channel) throws AgiException {
        Map<String, String> environment = request.getRequest();
        String argument = environment == null ? null : environment.get("arg_1");
        if (argument != null && SAFE_ID.matcher(argument).matches()) {
            return argument;
        }
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
