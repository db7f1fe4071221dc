package org.hth.hotline.standin.call;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.hth.hotline.standin.ami.AmiMessage;

/**
 * One simulated call, shaped as in the recordings: an originated Local channel whose {@code ;1} half plays the
 * caller's phone (context {@code caller-sim}) and whose {@code ;2} half runs the hotline's dialplan and is the
 * channel the FastAGI script sees. Every event goes to the hub's sink and to this call's own log.
 *
 * <p>Not thread-safe: confined to {@link #loop()}; other threads must hand work to that loop.
 */
public final class SimCall {
    private final CallHub hub;
    private final EventLoop loop;
    private final CallerBehaviour caller;
    private final SimChannel phone;
    private final SimChannel line;
    private final List<AmiMessage> events = new ArrayList<>();
    private final List<Runnable> hangupListeners = new ArrayList<>();
    private final CallerSide callerSide;
    private final CallRecords records;
    private final CompletableFuture<SimCall> done = new CompletableFuture<>();
    private final List<AgiExchange> agi = new ArrayList<>();
    private final String originateActionId;
    private boolean answered;
    private boolean gone;
    private HangupCause lineCause = HangupCause.NORMAL_CLEARING;
    private String agiStatus = "";
    private final Instant startedAt;
    private Instant firstDialAt;

    /**
     * @param lineExten         the number dialled (the {@code numero-verde} extension)
     * @param originateActionId the ActionID of the AMI Originate that placed the call, or ""
     */
    public SimCall(CallHub hub, EventLoop loop, CallerBehaviour caller, String lineExten, String context,
                   String originateActionId) {
        this.hub = hub;
        this.loop = loop;
        this.caller = caller;
        this.originateActionId = originateActionId;
        Instant now = hub.timeline().now();
        this.startedAt = now;
        String base = "Local/" + lineExten + "@" + context + "-" + hub.ids().nextChannelSuffix();
        String id1 = hub.ids().nextUniqueid(now);
        this.phone = new SimChannel(base + ";1", id1, id1, ChannelState.DOWN, context, lineExten, now);
        this.line = new SimChannel(base + ";2", hub.ids().nextUniqueid(now), id1, ChannelState.RING, context,
                lineExten, now);
        this.callerSide = new CallerSide(this);
        this.records = new CallRecords(this);
    }

    /** Emits the originate's first events and arms the caller's timers. The dialplan starts after this. */
    public void start() {
        hub.register(phone, loop, cause -> callerHangsUp());
        hub.register(line, loop, this::hangupLine);
        callerSide.start();
    }

    public CallHub hub() {
        return hub;
    }

    public EventLoop loop() {
        return loop;
    }

    public CallerBehaviour caller() {
        return caller;
    }

    /** The caller's phone, the {@code ;1} half. */
    public SimChannel phone() {
        return phone;
    }

    /** The channel that runs the dialplan and talks FastAGI, the {@code ;2} half. */
    public SimChannel line() {
        return line;
    }

    public String linkedid() {
        return phone.linkedid();
    }

    String originateActionId() {
        return originateActionId;
    }

    CallRecords records() {
        return records;
    }

    /** Sends an event to every AMI client and keeps it in this call's log. */
    public void emit(AmiMessage event) {
        if (firstDialAt == null && event.eventType().filter("DialBegin"::equals).isPresent()
                && event.getOrEmpty("Channel").equals(line.name())) {
            firstDialAt = now();
        }
        events.add(event);
        hub.publish(event);
    }

    public Instant now() {
        return hub.timeline().now();
    }

    public void schedule(Duration delay, Runnable task) {
        hub.timeline().schedule(loop, delay, task);
    }

    /** Answers the {@code ;2} half (and so the originate) if not yet answered. */
    public void answer() {
        if (answered || gone) {
            return;
        }
        answered = true;
        records.answered(now());
        line.state(ChannelState.UP);
        emit(Events.call("Newstate", line));
        callerSide.answered();
    }

    public boolean answered() {
        return answered;
    }

    /** Whether the caller has hung up (the {@code ;2} half got its hangup request). */
    public boolean gone() {
        return gone;
    }

    /** Runs {@code listener} once when the caller hangs up (at once if already gone). */
    public void onHangup(Runnable listener) {
        if (gone) {
            listener.run();
        } else {
            hangupListeners.add(listener);
        }
    }

    public void removeHangupListener(Runnable listener) {
        hangupListeners.remove(listener);
    }

    /** The caller hangs up: the {@code ;1} half ends, the {@code ;2} half gets a hangup request. */
    public void callerHangsUp() {
        if (gone) {
            return;
        }
        callerSide.hangsUp();
        gone = true;
        List<Runnable> listeners = new ArrayList<>(hangupListeners);
        hangupListeners.clear();
        listeners.forEach(Runnable::run);
    }

    private void hangupLine(HangupCause cause) {
        callerHangsUp();
    }

    /** Sets a variable on the {@code ;2} half, with its {@code VarSet} event. */
    public void setVariable(String name, String value) {
        line.variable(name, value);
        emit(Events.varSet(line, name, value));
    }

    /** A variable or one of the functions the stand-in knows ({@code CALLERID(num)}, {@code EXTEN}, ...). */
    public Optional<String> variable(String name) {
        return switch (name) {
            case "CALLERID(num)" -> Optional.of(caller.withheld() ? "" : caller.number());
            case "CALLERID(name)" -> Optional.of(caller.name());
            case "CALLERID(all)" -> Optional.of("\"" + caller.name() + "\" <" + caller.number() + ">");
            case "EXTEN" -> Optional.of(line.exten());
            case "CONTEXT" -> Optional.of(line.context());
            case "CHANNEL" -> Optional.of(line.name());
            case "UNIQUEID", "CHANNEL(uniqueid)" -> Optional.of(line.uniqueid());
            case "CHANNEL(linkedid)" -> Optional.of(line.linkedid());
            case "CHANNEL(name)" -> Optional.of(line.name());
            case "HANGUPCAUSE" -> Optional.of(Integer.toString(lineCause.code()));
            default -> line.variable(name);
        };
    }

    /** The caller presses keys for a prompt reading up to {@code max} digits within {@code timeout}. */
    public CompletableFuture<KeyResult> readKeys(int max, Duration timeout) {
        return callerSide.readKeys(max, timeout);
    }

    /** The cause the {@code ;2} half will hang up with (the last Dial can change it, as in Asterisk). */
    public void lineCause(HangupCause cause) {
        lineCause = cause;
    }

    /** The dialplan is over: the {@code ;2} half hangs up, and the caller's half with it. */
    public void finish(boolean viaHangupApp) {
        if (done.isDone()) {
            return;
        }
        records.emitLineRecords();
        if (viaHangupApp && !gone) {
            emit(Events.newexten(line, "Hangup", ""));
        }
        emit(Events.softHangupRequest(line, HangupCause.NORMAL_CLEARING));
        HangupCause cause = gone ? HangupCause.NORMAL_CLEARING : lineCause;
        if (!gone) {
            callerSide.remoteHangup(cause);
        }
        line.markHungUp();
        emit(Events.hangup(line, cause));
        hub.unregister(line);
        if (!gone) {
            callerSide.phoneHangsUpAfterLine(cause);
            gone = true;
        }
        emit(Events.deviceStateChange(line.name().substring(0, line.name().lastIndexOf('-')), "NOT_INUSE"));
        done.complete(this);
    }

    /** Completes when the call is over, on the call's loop. */
    public CompletableFuture<SimCall> done() {
        return done;
    }

    /** Every event this call emitted, in order. */
    public List<AmiMessage> events() {
        return List.copyOf(events);
    }

    /**
     * Simulated time from the call's arrival to the first {@code DialBegin} of its line (the dialplan's or the
     * script's Dial, not the originate's own); empty when nothing was dialled.
     */
    public Optional<Duration> timeToFirstDial() {
        return Optional.ofNullable(firstDialAt).map(at -> Duration.between(startedAt, at));
    }

    public void recordAgi(AgiExchange exchange) {
        agi.add(exchange);
    }

    public List<AgiExchange> agiTranscript() {
        return List.copyOf(agi);
    }

    public void agiStatus(String status) {
        agiStatus = status;
    }

    public String agiStatus() {
        return agiStatus;
    }

    void unregister(SimChannel c) {
        hub.unregister(c);
    }

    void register(SimChannel c, java.util.function.Consumer<HangupCause> onHangup) {
        hub.register(c, loop, onHangup);
    }

    /** What the caller pressed for one prompt. */
    public record KeyResult(String digits, boolean timedOut, boolean hungUp) {
    }

    /** One FastAGI command and Asterisk's reply, as sent on the wire (reply lines end in {@code \n}). */
    public record AgiExchange(String command, String reply) {
    }
}
