package org.hth.hotline.standin.ami;

import java.util.List;

/**
 * What the AMI server asks of the simulated telephony: the live channels, hanging one up, originating a call.
 * Implementations must be thread-safe: sessions call it from their own event loops.
 */
public interface AmiBackend {
    /** A snapshot of every live channel, oldest first. */
    List<ChannelView> channels();

    /** Hangs up the channel with this exact name; false when there is no such channel. */
    boolean hangup(String channelName, int cause);

    /**
     * Starts an originate. The answer tells the server what to reply at once; the events (and the
     * {@code OriginateResponse}) follow through the event stream.
     */
    OriginateOutcome originate(AmiMessage action);

    /** A backend with no channels, for an AMI server used on its own. */
    static AmiBackend none() {
        return new AmiBackend() {
            @Override
            public List<ChannelView> channels() {
                return List.of();
            }

            @Override
            public boolean hangup(String channelName, int cause) {
                return false;
            }

            @Override
            public OriginateOutcome originate(AmiMessage action) {
                return OriginateOutcome.QUEUED;
            }
        };
    }

    /** What an {@code Originate} action is answered at once. */
    enum OriginateOutcome {
        /** {@code Response: Success} / {@code Message: Originate successfully queued}. */
        QUEUED,
        /** {@code Response: Error} / {@code Message: Originate failed} (a synchronous originate that failed). */
        FAILED,
        /** {@code Response: Error} / {@code Message: Extension does not exist.} */
        NO_EXTENSION
    }

    /**
     * One live channel as {@code CoreShowChannels} and {@code Status} show it.
     *
     * @param block the standard channel fields, {@code Channel} to {@code Linkedid}
     */
    record ChannelView(List<AmiField> block, String application, String applicationData, long seconds,
                       String bridgeId, String type) {
        public ChannelView {
            block = List.copyOf(block);
        }

        public String name() {
            return block.stream().filter(f -> f.key().equals("Channel")).map(AmiField::value).findFirst().orElse("");
        }
    }
}
