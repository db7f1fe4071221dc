package org.hth.hotline.core.telephony.agi;

import java.util.List;
import java.util.Optional;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
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
 * pending for the outcome. One instance per call, used by the one AGI worker that serves it; not thread-safe.
 *
 * <p>After each {@code Dial}: {@code DIALSTATUS=ANSWER} stops (the operator is read from
 * {@code DIALEDPEERNUMBER}/{@code DIALEDPEERNAME}); {@code Dial} returning {@code -1} means the caller hung
 * up — with {@code ANSWER} after a conversation (as in the recorded call 01), otherwise before anyone
 * answered; any other status moves on.
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

    Ending ringSteps(List<PlannedStep> steps, String language) throws AgiException {
        for (PlannedStep step : steps) {
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
            if (beforeDial.isEmpty()) {
                variables.flush();
            }
            decision.dialling();
            int result = dial(arguments.forStep(targets, step.ringSeconds(), language, beforeDial),
                    beforeDial.isPresent());
            DialStatus status = DialStatus.parse(channel.getVariable("DIALSTATUS"));
            log.info("step {} ended {}", step.number(), status);
            if (status == DialStatus.ANSWER) {
                Optional<String> operator = DialArguments.answeredBy(targets,
                        channel.getVariable("DIALEDPEERNUMBER"), channel.getVariable("DIALEDPEERNAME"));
                if (operator.isPresent()) {
                    variables.add(ChannelVariables.ANSWERED_BY, operator.get());
                }
                return Ending.ANSWERED;
            }
            if (result == -1 || status == DialStatus.CANCEL) {
                return Ending.CALLER_GONE;
            }
        }
        return Ending.EXHAUSTED;
    }

    /** {@code EXEC Dial}; when it fails, the variables it carried are pending again for the script's way out. */
    private int dial(String[] dialArguments, boolean carriesVariables) throws AgiException {
        try {
            return channel.exec("Dial", dialArguments);
        } catch (AgiException | RuntimeException e) {
            if (carriesVariables) {
                variables.giveBackFromDial();
            }
            throw e;
        }
    }

    /** Runs the fallback in order; the outcome it reached, or empty when nothing took the call. */
    Optional<CallOutcome> fallback(List<FallbackStep> fallback) throws AgiException {
        for (FallbackStep step : fallback) {
            variables.flush();
            if (step instanceof FallbackStep.Dial dial) {
                decision.dialling();
                int result = channel.exec("Dial", DialArguments.forFallback(dial));
                DialStatus status = DialStatus.parse(channel.getVariable("DIALSTATUS"));
                log.info("fallback line ended {}", status);
                if (status == DialStatus.ANSWER) {
                    return Optional.of(CallOutcome.FALLBACK);
                }
                if (result == -1 || status == DialStatus.CANCEL) {
                    return Optional.of(CallOutcome.ABANDONED);
                }
            } else if (step instanceof FallbackStep.Voicemail voicemail) {
                decision.dialling();
                channel.exec("VoiceMail", voicemail.box(), "u");
                return Optional.of(CallOutcome.VOICEMAIL);
            }
        }
        return Optional.empty();
    }
}
