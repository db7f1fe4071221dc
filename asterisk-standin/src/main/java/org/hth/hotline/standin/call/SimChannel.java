package org.hth.hotline.standin.call;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hth.hotline.standin.ami.AmiField;

/**
 * One simulated Asterisk channel: name, ids, state, caller and connected line, dialplan position,
 * variables. Mutable; confined to its call's event loop.
 */
public final class SimChannel {
    private final String name;
    private final String uniqueid;
    private final String linkedid;
    private final String type;
    private final Instant created;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private ChannelState state;
    private String callerNum = "<unknown>";
    private String callerName = "<unknown>";
    private String connectedNum = "<unknown>";
    private String connectedName = "<unknown>";
    private String context;
    private String exten;
    private int priority = 1;
    private String application = "";
    private String applicationData = "";
    private String bridgeId = "";
    private boolean hungUp;

    public SimChannel(String name, String uniqueid, String linkedid, ChannelState state, String context,
                      String exten, Instant created) {
        this.name = name;
        this.uniqueid = uniqueid;
        this.linkedid = linkedid;
        this.state = state;
        this.context = context;
        this.exten = exten;
        this.created = created;
        int slash = name.indexOf('/');
        this.type = slash > 0 ? name.substring(0, slash) : name;
    }

    /** The standard channel fields of events, {@code Channel} to {@code Linkedid}, in Asterisk's order. */
    public List<AmiField> block() {
        return List.of(new AmiField("Channel", name), new AmiField("ChannelState", Integer.toString(state.code())),
                new AmiField("ChannelStateDesc", state.description()), new AmiField("CallerIDNum", callerNum),
                new AmiField("CallerIDName", callerName), new AmiField("ConnectedLineNum", connectedNum),
                new AmiField("ConnectedLineName", connectedName), new AmiField("Language", "en"),
                new AmiField("AccountCode", ""), new AmiField("Context", context), new AmiField("Exten", exten),
                new AmiField("Priority", Integer.toString(priority)), new AmiField("Uniqueid", uniqueid),
                new AmiField("Linkedid", linkedid));
    }

    public String name() {
        return name;
    }

    public String uniqueid() {
        return uniqueid;
    }

    public String linkedid() {
        return linkedid;
    }

    public String type() {
        return type;
    }

    public Instant created() {
        return created;
    }

    public ChannelState state() {
        return state;
    }

    public void state(ChannelState newState) {
        state = newState;
    }

    public String callerNum() {
        return callerNum;
    }

    public String callerName() {
        return callerName;
    }

    public void caller(String num, String nameText) {
        callerNum = num;
        callerName = nameText;
    }

    public void connected(String num, String nameText) {
        connectedNum = num;
        connectedName = nameText;
    }

    public String context() {
        return context;
    }

    public String exten() {
        return exten;
    }

    public int priority() {
        return priority;
    }

    public void position(String newContext, String newExten, int newPriority) {
        context = newContext;
        exten = newExten;
        priority = newPriority;
    }

    public String application() {
        return application;
    }

    public String applicationData() {
        return applicationData;
    }

    public void application(String app, String data) {
        application = app;
        applicationData = data;
    }

    public String bridgeId() {
        return bridgeId;
    }

    public void bridgeId(String id) {
        bridgeId = id;
    }

    public boolean hungUp() {
        return hungUp;
    }

    public void markHungUp() {
        hungUp = true;
    }

    public Optional<String> variable(String key) {
        return Optional.ofNullable(variables.get(key));
    }

    public void variable(String key, String value) {
        variables.put(key, value);
    }

    /** Takes a variable away without an event, as Asterisk frees a Gosub frame's local variables. */
    public void removeVariable(String key) {
        variables.remove(key);
    }

    public Map<String, String> variables() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(variables));
    }
}
