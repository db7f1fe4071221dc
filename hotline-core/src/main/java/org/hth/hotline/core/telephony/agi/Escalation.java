package org.hth.hotline.core.telephony.agi;

import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.hth.hotline.core.call.CallOutcome;
import org.hth.hotline.core.roster.FallbackStep;
import org.hth.hotline.core.roster.PlannedStep;
import org.hth.hotline.core.roster.RingTarget;
import org.hth.hotline.core.telephony.ChannelVariables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings one call's escalation steps, then its fallback, over the call's AGI channel. The call's pending variables
 * go out before each Dial (with {@code HOTLINE_STEP} for an escalation step; before the first, on the Dial itself
 * when {@link VariableBatch#takeForDial()} can carry them), {@code HOTLINE_ANSWERED_BY} is left
 * pending for the outcome. One instance per call, on its connection's event loop; not thread-safe.
 *
 * <p>After each {@code Dial}: {@code DIALSTATUS=ANSWER} stops (the operator is read from
 * {@code DIALEDPEERNUMBER}/{@code DIALEDPEERNAME}); {@code Dial} returning {@code -1} means the caller hung
 * up — with {@code ANSWER} after a conversation (as in the recorded call 01), otherwise before anyone
 * answered; any other status moves on. Nothing waits: each step goes on when Asterisk's reply comes.
 */
final class Escalation {
    private static final Logger log = LoggerFactory.getLogger(Escalation.class);

    /** How ringing ended. */
    enum Ending { ANSWERED, CALLER_GONE, EXHAUSTED }

    private final AgiChannel channel;
    private final VariableBatch variables;
    private final DialArguments arguments;
    private final RouteMetrics.Decision decision;

    /** @param variables the call's pending variables: they go out with each step's {@code HOTLINE_STEP} */
    Escalation(AgiChannel channel, VariableBatch variables, DialArguments arguments, RouteMetrics.Decision decision) {
        this.channel = channel;
        this.variables = variables;
        this.arguments = arguments;
        this.decision = decision;
    }

    CompletionStage<Ending> ringSteps(List<PlannedStep> steps, String language) {
        return ringFrom(steps.iterator(), language);
    }

    private CompletionStage<Ending> ringFrom(Iterator<PlannedStep> steps, String language) {
        while (steps.hasNext()) {
            PlannedStep step = steps.next();
            List<RingTarget> targets = DialArguments.dialable(step);
            if (targets.size() < step.targets().size()) {
                log.warn("step {}: {} endpoint(s) with an unusable dial string left out", step.number(),
                        step.targets().size() - targets.size());
            }
            if (targets.isEmpty()) {
                continue;
            }
            Optional<String> beforeDial = variables.add(ChannelVariables.STEP, Integer.toString(step.number()))
                    .takeForDial();
            CompletionStage<Void> ready = beforeDial.isEmpty() ? variables.flush() : CompletableFuture.completedFuture(null);
            return ready.thenCompose(flushed -> {
                decision.dialling();
                return dial(arguments.forStep(targets, step.ringSeconds(), language, beforeDial), beforeDial.isPresent());
            }).thenCompose(result -> channel.getVariable("DIALSTATUS").thenCompose(value -> {
                DialStatus status = DialStatus.parse(value.orElse(null));
                log.info("step {} ended {}", step.number(), status);
                if (status == DialStatus.ANSWER) {
                    return answeredBy(targets).thenApply(operator -> {
                        operator.ifPresent(id -> variables.add(ChannelVariables.ANSWERED_BY, id));
                        return Ending.ANSWERED;
                    });
                }
                if (result == -1 || status == DialStatus.CANCEL) {
                    return CompletableFuture.completedFuture(Ending.CALLER_GONE);
                }
                return ringFrom(steps, language);
            }));
        }
        return CompletableFuture.completedFuture(Ending.EXHAUSTED);
    }

    /** The operator who answered, from {@code DIALEDPEERNUMBER} and {@code DIALEDPEERNAME}. */
    private CompletionStage<Optional<String>> answeredBy(List<RingTarget> targets) {
        return channel.getVariable("DIALEDPEERNUMBER").thenCompose(number -> channel.getVariable("DIALEDPEERNAME")
                .thenApply(name -> DialArguments.answeredBy(targets, number.orElse(null), name.orElse(null))));
    }

    /** {@code EXEC Dial}; when it fails, the variables it carried are pending again for the script's way out. */
    private CompletionStage<Integer> dial(String[] dialArguments, boolean carriesVariables) {
        return channel.exec("Dial", dialArguments).whenComplete((result, error) -> {
            if (error != null && carriesVariables) {
                variables.giveBackFromDial();
            }
        });
    }

    /** Runs the fallback in order; the outcome it reached, or empty when nothing took the call. */
    CompletionStage<Optional<CallOutcome>> fallback(List<FallbackStep> fallback) {
        return fallbackFrom(fallback.iterator());
    }

    private CompletionStage<Optional<CallOutcome>> fallbackFrom(Iterator<FallbackStep> steps) {
        while (steps.hasNext()) {
            FallbackStep step = steps.next();
            if (step instanceof FallbackStep.Dial dial) {
                return variables.flush().thenCompose(flushed -> {
                    decision.dialling();
                    return channel.exec("Dial", DialArguments.forFallback(dial));
                }).thenCompose(result -> channel.getVariable("DIALSTATUS").thenCompose(value -> {
                    DialStatus status = DialStatus.parse(value.orElse(null));
                    log.info("fallback line ended {}", status);
                    if (status == DialStatus.ANSWER) {
                        return CompletableFuture.completedFuture(Optional.of(CallOutcome.FALLBACK));
                    }
                    if (result == -1 || status == DialStatus.CANCEL) {
                        return CompletableFuture.completedFuture(Optional.of(CallOutcome.ABANDONED));
                    }
                    return fallbackFrom(steps);
                }));
            }
            if (step instanceof FallbackStep.Voicemail voicemail) {
                return variables.flush().thenCompose(flushed -> {
                    decision.dialling();
                    return channel.exec("VoiceMail", voicemail.box(), "u");
                }).thenApply(result -> Optional.of(CallOutcome.VOICEMAIL));
            }
        }
        return CompletableFuture.completedFuture(Optional.empty());
    }
}
