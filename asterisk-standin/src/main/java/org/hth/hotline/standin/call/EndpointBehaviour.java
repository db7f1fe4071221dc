package org.hth.hotline.standin.call;

import java.time.Duration;
import java.util.Optional;

/** What a dialled endpoint does when Dial rings it. Values; thread-safe. */
public sealed interface EndpointBehaviour {
    /** Answers after {@code after}; hangs up after {@code talk} of conversation, or stays until the caller goes. */
    record Answer(Duration after, Optional<Duration> talk) implements EndpointBehaviour {
    }

    /** Rings until Dial's timeout or the caller's hang-up. */
    record NeverAnswer() implements EndpointBehaviour {
    }

    /** Answers "busy" after {@code after} (DIALSTATUS {@code BUSY}). */
    record Busy(Duration after) implements EndpointBehaviour {
    }

    /** No channel can be made, like {@code PJSIP/nosuchendpoint} (DIALSTATUS {@code CHANUNAVAIL}). */
    record Unavailable() implements EndpointBehaviour {
    }

    /**
     * Answers after {@code after} (a voicemail, a phone in a pocket) but never presses 1 in the {@code U()}
     * accept gosub; after {@code acceptTimeout} the gosub sets {@code GOSUB_RESULT=CONTINUE}.
     */
    record AnswerWithoutAccept(Duration after, Duration acceptTimeout) implements EndpointBehaviour {
    }
}
