package org.hth.hotline.standin.call;

import io.netty.channel.EventLoop;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hth.hotline.standin.ami.AmiBackend;
import org.hth.hotline.standin.ami.AmiMessage;

/**
 * Everything calls share: ids, simulated time, endpoint behaviour, the AMI event sink, and the registry of
 * live channels that answers the AMI server's {@code Status}, {@code CoreShowChannels}, {@code Hangup} and
 * {@code Originate}. Thread-safe; channel snapshots read from other threads are best effort.
 */
public final class CallHub implements AmiBackend {
    private final IdSource ids = new IdSource();
    private final Timeline timeline;
    private final Endpoints endpoints;
    private final ZoneId zone;
    private final Consumer<AmiMessage> sink;
    private final Map<String, Live> channels = new ConcurrentHashMap<>();
    private volatile Function<AmiMessage, OriginateOutcome> originator = a -> OriginateOutcome.QUEUED;
    private volatile Subroutines subroutines = Subroutines.NONE;

    /**
     * @param sink where every call event goes (the AMI server's broadcast); called on the call's event loop
     */
    public CallHub(Timeline timeline, Endpoints endpoints, ZoneId zone, Consumer<AmiMessage> sink) {
        this.timeline = Objects.requireNonNull(timeline, "timeline");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    public IdSource ids() {
        return ids;
    }

    public Timeline timeline() {
        return timeline;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Sets what runs dialplan subroutines ({@code Dial}'s {@code B()}); none until set. */
    public void subroutines(Subroutines runner) {
        subroutines = Objects.requireNonNull(runner, "runner");
    }

    public Subroutines subroutines() {
        return subroutines;
    }

    /** Sets who starts calls for AMI {@code Originate} actions. */
    public void originator(Function<AmiMessage, OriginateOutcome> handler) {
        originator = Objects.requireNonNull(handler, "handler");
    }

    void publish(AmiMessage event) {
        sink.accept(event);
    }

    void register(SimChannel channel, EventLoop loop, Consumer<HangupCause> onHangup) {
        channels.put(channel.name(), new Live(channel, loop, onHangup));
    }

    void unregister(SimChannel channel) {
        channels.remove(channel.name());
    }

    @Override
    public List<ChannelView> channels() {
        return channels.values().stream().map(Live::channel)
                .sorted(Comparator.comparing(SimChannel::created).thenComparing(SimChannel::name))
                .map(c -> new ChannelView(c.block(), c.application(), c.applicationData(),
                        Math.max(0, timeline.now().getEpochSecond() - c.created().getEpochSecond()),
                        c.bridgeId(), c.type()))
                .toList();
    }

    @Override
    public boolean hangup(String channelName, int cause) {
        Live live = channels.get(channelName);
        if (live == null) {
            return false;
        }
        live.loop().execute(() -> live.onHangup().accept(HangupCause.of(cause)));
        return true;
    }

    @Override
    public OriginateOutcome originate(AmiMessage action) {
        return originator.apply(action);
    }

    private record Live(SimChannel channel, EventLoop loop, Consumer<HangupCause> onHangup) {
    }
}
