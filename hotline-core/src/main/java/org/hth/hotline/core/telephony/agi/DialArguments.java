package org.hth.hotline.core.telephony.agi;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.hth.hotline.core.roster.FallbackStep;
import org.hth.hotline.core.roster.PlannedStep;
import org.hth.hotline.core.roster.RingTarget;

/**
 * Builds the arguments of {@code Dial} for one escalation step, and tells from {@code DIALEDPEERNUMBER}
 * which operator answered. Pure and thread-safe.
 *
 * <p>{@code Dial(T1&T2,seconds,m<announce>)}: every target of the step rings at once; {@code m} gives the
 * caller music on hold. {@code A(<whisper>)} plays the announcement to the console operator who answers.
 * When the step rings any mobile phone, {@code U(<acceptContext>^<lang>)} runs instead — Asterisk turns it
 * into {@code Gosub(<acceptContext>,s,1(<lang>))} on the leg that answered, which plays the whisper itself and
 * asks for 1 (so {@code A()} is left out, or a mobile operator would hear the whisper twice). {@code Dial}
 * options apply to whichever target answers: in a step that rings a console and a mobile together, the console
 * operator is asked to press 1 too. Targets whose dial string holds a character that would break the
 * argument ({@code , & ( ) " '} or spaces) are left out. {@code B(<location>)}, when given, runs
 * {@code Gosub(<location>)} on the caller's channel before anyone rings: the call's variables, set by
 * {@value #VARIABLES_CONTEXT} (see {@link VariableBatch#takeForDial()}).
 */
public final class DialArguments {
    private static final Pattern SAFE_ENDPOINT = Pattern.compile("[A-Za-z0-9_+./@:-]{1,120}");

    /** The dialplan context that sets a call's variables from its arguments, before the first Dial. */
    public static final String VARIABLES_CONTEXT = "hotline-vars";

    private final RouteConfig config;

    public DialArguments(RouteConfig config) {
        this.config = config;
    }

    /** The targets of the step that can be dialled safely. */
    public static List<RingTarget> dialable(PlannedStep step) {
        return step.targets().stream().filter(target -> SAFE_ENDPOINT.matcher(target.endpoint()).matches()).toList();
    }

    /**
     * {@code Dial}'s three arguments for these targets (from {@link #dialable}), non-empty.
     *
     * @param language the caller's language code, already checked against the menu
     */
    public String[] forStep(List<RingTarget> targets, int ringSeconds, String language) {
        return forStep(targets, ringSeconds, language, Optional.empty());
    }

    /**
     * As {@link #forStep(List, int, String)}, with {@code B(<beforeDial>)} when given: a Gosub location in
     * Dial's syntax ({@code context^exten^priority(arg1^arg2)}), its characters already checked.
     */
    public String[] forStep(List<RingTarget> targets, int ringSeconds, String language,
                            Optional<String> beforeDial) {
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("nothing to dial");
        }
        String dial = targets.stream().map(RingTarget::endpoint).collect(Collectors.joining("&"));
        boolean mustAccept = targets.stream().anyMatch(RingTarget::mustAcceptByKeypress);
        String options = mustAccept
                ? "mU(" + config.acceptContext() + "^" + language + ")"
                : "mA(" + config.whisperPrefix() + language + ")";
        String gosub = beforeDial.map(location -> "B(" + location + ")").orElse("");
        return new String[] {dial, Integer.toString(ringSeconds), options + gosub};
    }

    /** {@code Dial}'s arguments for a fallback line: music on hold, no announcement. */
    public static String[] forFallback(FallbackStep.Dial fallback) {
        return new String[] {fallback.dialString(), Integer.toString(fallback.seconds()), "m"};
    }

    /**
     * The operator who answered: the target whose resource (the dial string after the technology) equals
     * {@code DIALEDPEERNUMBER}, else the target whose endpoint starts the channel name {@code DIALEDPEERNAME}
     * ({@code PJSIP/op-anna-0000001a}), else the only operator of the step.
     */
    public static Optional<String> answeredBy(List<RingTarget> targets, String dialedPeerNumber,
                                              String dialedPeerName) {
        if (dialedPeerNumber != null) {
            for (RingTarget target : targets) {
                String endpoint = target.endpoint();
                if (endpoint.substring(endpoint.indexOf('/') + 1).equals(dialedPeerNumber)) {
                    return Optional.of(target.operatorId());
                }
            }
        }
        if (dialedPeerName != null) {
            for (RingTarget target : targets) {
                if (dialedPeerName.startsWith(target.endpoint() + "-")) {
                    return Optional.of(target.operatorId());
                }
            }
        }
        List<String> operators = targets.stream().map(RingTarget::operatorId).distinct().toList();
        return operators.size() == 1 ? Optional.of(operators.get(0)) : Optional.empty();
    }
}
