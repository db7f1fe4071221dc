package org.hth.hotline.standin.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hth.hotline.standin.ami.AmiMessage;
import org.hth.hotline.standin.call.SimCall;

/**
 * What happened to one simulated call.
 *
 * @param linkedid  the call's Linkedid (the uniqueid of the caller's {@code ;1} half)
 * @param channel   the channel the FastAGI script saw
 * @param agiStatus AGISTATUS as the dialplan saw it ({@code ""} if the dialplan never ran AGI)
 * @param agi       the FastAGI commands and replies, in order
 * @param variables the line's variables at the end
 * @param events    every AMI event of the call, in order
 * @param timeToFirstDial simulated time from the call's arrival to its first {@code DialBegin}, if any
 */
public record CallResult(String linkedid, String channel, String agiStatus, List<SimCall.AgiExchange> agi,
                         Map<String, String> variables, List<AmiMessage> events, Optional<Duration> timeToFirstDial) {
    public CallResult {
        Objects.requireNonNull(timeToFirstDial, "timeToFirstDial");
        agi = List.copyOf(agi);
        variables = Map.copyOf(variables);
        events = List.copyOf(events);
    }

    /** The result of a call that ended (or what is known so far of one that did not). */
    public static CallResult of(SimCall call) {
        return new CallResult(call.linkedid(), call.line().name(), call.agiStatus(), call.agiTranscript(),
                call.line().variables(), call.events(), call.timeToFirstDial());
    }
}
