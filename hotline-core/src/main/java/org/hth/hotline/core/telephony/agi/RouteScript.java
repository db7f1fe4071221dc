package org.hth.hotline.core.telephony.agi;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.regex.Pattern;

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
 * memory ({@link LiveRoster}); the one store read left is a repeat caller's language, an indexed read, which a
 * caller {@link KnownCallers} knows has never called is spared. So a new caller takes two commands up to the Dial
 * (menu, Dial), a repeat caller one.
 *
 * <p>The caller's number is read from {@code agi_callerid} as sent, normalised and pseudonymised at once; it
 * is never logged, never stored in clear, never set on the channel. Log lines carry the call id in the MDC
 * ({@code callId}). Thread-safe: one instance serves every call. Each call runs on its connection's event loop
 * as a chain of stages, one per AGI reply, and holds no thread while it waits (a {@code Dial} lasts until the
 * conversation ends); the store calls (a repeat caller's language, the callback ticket) run off the loop on the
 * server's store threads ({@link AgiChannel#offLoop}).
 */
public final class RouteScript {
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
    private final KnownCallers knownCallers;
    /** The menu's prompts joined for GET DATA, once. */
    private final String menuPrompts;

    /**
     * @param roster       the roster and presence in memory, started by the owner (who also closes it)
     * @param store        where repeat callers' calls are read and callback tickets written
     * @param knownCallers who may have called before: a caller who surely has not hears the menu without a read
     */
    public RouteScript(LiveRoster roster, Store store, KnownCallers knownCallers, Clock clock,
                       CallerPseudonymiser pseudonymiser, NumberSealer sealer, RouteConfig config,
                       RouteMetrics metrics) {
        this.roster = roster;
        this.knownCallers = knownCallers;
        this.clock = clock;
        this.pseudonymiser = pseudonymiser;
        this.config = config;
        this.metrics = metrics;
        this.dialArguments = new DialArguments(config);
        this.callbacks = new CallbackTickets(store.tickets(), sealer, clock, config);
        this.previousLanguages = new PreviousLanguages(store.calls(), config.menu());
        this.menuPrompts = config.menu().prompts();
    }

    /**
     * Routes one call, on its connection's event loop: returns at once, and the stage completes (never
     * exceptionally) with how the call ended, once the script is done with the connection.
     */
    CompletionStage<Result> service(AgiEnvironment request, AgiChannel channel) {
        RouteMetrics.Decision decision = metrics.startDecision();
        VariableBatch variables = new VariableBatch(channel);
        CompletionStage<Result> routed;
        try {
            routed = callId(request, channel).thenCompose(callId -> {
                channel.callId(callId);
                return route(request, channel, variables, callId, decision);
            });
        } catch (RuntimeException e) {
            routed = CompletableFuture.failedFuture(e);
        }
        return routed.handle((result, error) -> {
            if (error == null) {
                metrics.count(result);
                log.info("route ended: {}", result);
                return CompletableFuture.completedFuture(result);
            }
            Throwable cause = unwrap(error);
            if (cause instanceof AgiHangupException) {
                metrics.count(Result.DISCONNECTED);
                log.info("route ended: the AGI connection closed (caller gone)");
                return CompletableFuture.completedFuture(Result.DISCONNECTED);
            }
            metrics.count(Result.FAILED);
            log.warn("route failed ({}); HOTLINE_OUTCOME left empty, the dialplan rings the fallback",
                    cause.getClass().getSimpleName());
            return setWhatIsPending(variables).thenApply(done -> Result.FAILED);
        }).thenCompose(Function.identity());
    }

    /**
     * The variables go out with the first command that needs to be sent anyway: {@code CALL_ID} and {@code CALLER}
     * with {@code LANG} and the first {@code STEP} just before the first Dial (or with the outcome of a caller who
     * hung up in the menu, or, when the script fails, on its way out).
     */
    private CompletionStage<Result> route(AgiEnvironment request, AgiChannel channel, VariableBatch variables,
                                          String callId, RouteMetrics.Decision decision) {
        CallerIdentity caller = CallerIdentity.of(request.get("callerid").orElse(null), pseudonymiser);
        variables.add(ChannelVariables.CALL_ID, callId).add(ChannelVariables.CALLER, caller.variable());
        Optional<String> mayHaveCalled = caller.pseudonym().filter(knownCallers::mayHaveCalled);
        CompletionStage<Optional<String>> previous = mayHaveCalled.isEmpty()
                ? CompletableFuture.completedFuture(Optional.empty())
                : channel.offLoop(() -> previousLanguages.of(mayHaveCalled.get()));
        return previous.thenCompose(known -> known.isPresent() ? CompletableFuture.completedFuture(known)
                        : channel.getData(menuPrompts, config.menu().timeout().toMillis(), 1)
                        .thenApply(digits -> "-1".equals(digits) ? Optional.<String>empty()
                                : Optional.of(config.menu().choose(digits))))
                .thenCompose(language -> language.isEmpty() ? settle(variables, CallOutcome.ABANDONED)
                        : ring(channel, variables, callId, caller, language.get(), decision));
    }

    /** The caller's language is known: the escalation plan of the moment, then the callback and the fallback. */
    private CompletionStage<Result> ring(AgiChannel channel, VariableBatch variables, String callId,
                                         CallerIdentity caller, String lang, RouteMetrics.Decision decision) {
        variables.add(ChannelVariables.LANGUAGE, lang);
        EscalationPlan plan = new EscalationPlanner(roster.roster()).plan(clock.instant(), roster.presence(),
                Optional.of(lang));
        Escalation escalation = new Escalation(channel, variables, dialArguments, decision);
        return escalation.ringSteps(plan.steps(), lang).thenCompose(ending -> switch (ending) {
            case ANSWERED -> settle(variables, CallOutcome.ANSWERED);
            case CALLER_GONE -> settle(variables, CallOutcome.ABANDONED);
            case EXHAUSTED -> openCallback(channel, variables, callId, caller, lang)
                    .thenCompose(opened -> escalation.fallback(plan.fallback()))
                    .thenCompose(outcome -> {
                        if (outcome.isPresent()) {
                            return settle(variables, outcome.get());
                        }
                        return variables.flush().thenApply(flushed -> {
                            log.warn("the fallback took nobody; HOTLINE_OUTCOME left empty for the dialplan");
                            return Result.UNSETTLED;
                        });
                    });
        });
    }

    /** After a failure: the variables that did not go out yet, if the channel still takes them. */
    private static CompletionStage<Void> setWhatIsPending(VariableBatch variables) {
        CompletionStage<Void> flushed;
        try {
            flushed = variables.flush();
        } catch (RuntimeException e) {
            flushed = CompletableFuture.failedFuture(e);
        }
        return flushed.handle((done, error) -> {
            if (error != null) {
                log.debug("pending variables not set after the failure ({})", unwrap(error).getClass().getSimpleName());
            }
            return null;
        });
    }

    /**
     * Opens the ticket off the event loop; its id goes out with the variables before the fallback's Dial. A
     * ticket that cannot be stored does not stop the fallback.
     */
    private CompletionStage<Void> openCallback(AgiChannel channel, VariableBatch variables, String callId,
                                               CallerIdentity caller, String language) {
        return channel.offLoop(() -> callbacks.open(callId, caller, language)).handle((ticketId, error) -> {
            if (error != null) {
                log.warn("callback ticket not stored ({}); going on with the fallback",
                        unwrap(error).getClass().getSimpleName());
                return null;
            }
            variables.add(ChannelVariables.CALLBACK_TICKET, ticketId);
            log.info("callback ticket {} opened", ticketId);
            return null;
        });
    }

    /**
     * Sets {@code HOTLINE_OUTCOME} with whatever is pending ({@code HOTLINE_ANSWERED_BY}); a caller who already
     * hung up may have taken the channel with them.
     */
    private static CompletionStage<Result> settle(VariableBatch variables, CallOutcome outcome) {
        return variables.add(ChannelVariables.OUTCOME, outcome.name()).flush().handle((done, error) -> {
            if (error != null && !(outcome == CallOutcome.ABANDONED && unwrap(error) instanceof AgiHangupException)) {
                throw error instanceof CompletionException completion ? completion : new CompletionException(error);
            }
            return Result.valueOf(outcome.name());
        });
    }

    /**
     * The call id: Asterisk's linkedid of the channel (the script's first argument, as the dialplan passes it, or
     * else asked for), or its uniqueid; only characters that are safe in a log line.
     */
    private static CompletionStage<String> callId(AgiEnvironment request, AgiChannel channel) {
        Optional<String> argument = request.get("arg_1").filter(id -> SAFE_ID.matcher(id).matches());
        if (argument.isPresent()) {
            return CompletableFuture.completedFuture(argument.get());
        }
        return channel.getVariable("CHANNEL(linkedid)").thenApply(linkedId -> linkedId
                .filter(id -> SAFE_ID.matcher(id).matches())
                .or(() -> request.get("uniqueid").filter(id -> SAFE_ID.matcher(id).matches()))
                .orElseThrow(() -> new IllegalStateException("the channel has no usable linkedid or uniqueid")));
    }

    /** The exception a stage failed with, out of its {@link CompletionException}. */
    static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
