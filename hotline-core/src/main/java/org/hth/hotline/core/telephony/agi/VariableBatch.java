package org.hth.hotline.core.telephony.agi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import org.hth.hotline.core.telephony.ChannelVariables;

/**
 * Channel variables of one call, gathered and then set in one AGI command: {@code EXEC MSet
 * name1=value1,name2=value2,...} (Asterisk's {@code MSet}, which sets each pair in order, each with its own
 * {@code VarSet} event, as {@code SET VARIABLE} would). A value MSet cannot carry unharmed (empty, or with a
 * character its argument parser would split or strip: {@code , = " ' \ |} spaces and the like) is set alone
 * with {@code SET VARIABLE}, and so is a batch of one. When Asterisk has no {@code MSet} ({@code EXEC} answers
 * -2) every variable is set with {@code SET VARIABLE}. One per call, on its connection's event loop; not
 * thread-safe.
 *
 * <p>Before the first {@code Dial} the four variables of a call ({@code CALL_ID}, {@code CALLER}, {@code LANG},
 * {@code STEP}) need no command of their own: {@link #takeForDial()} hands them to the Dial, which runs the
 * dialplan's {@code [hotline-vars]} with them on the caller's channel before it rings anyone (its {@code B()}
 * option). Asterisk turns every {@code ^} of that option into {@code ,}, and its option, Gosub and MSet parsers
 * split or strip {@code , ( ) ^ | " ' \} and spaces, so only values of {@code [A-Za-z0-9_.-]} (call ids,
 * base64url pseudonyms, language codes, step numbers) go that way; any other value, or any other set of
 * pending variables, stays pending for {@link #flush()}.
 */
final class VariableBatch {
    static final String MSET = "MSet";
    /** Asterisk's MSet takes at most 99 pairs. */
    static final int MAX_PAIRS = 99;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:@+/-]{1,200}");
    /** {@code EXEC}'s reply when Asterisk has no such application. */
    private static final int NO_SUCH_APPLICATION = -2;

    /** The variables {@code [hotline-vars]} sets, in the order of its {@code ARG1..ARG4}. */
    static final List<String> BEFORE_DIAL = List.of(ChannelVariables.CALL_ID, ChannelVariables.CALLER,
            ChannelVariables.LANGUAGE, ChannelVariables.STEP);
    /** A value that goes through Dial's options, Gosub's arguments and MSet unchanged. */
    private static final Pattern BEFORE_DIAL_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final AgiChannel channel;
    private final Map<String, String> pending = new LinkedHashMap<>();
    /** What the last {@link #takeForDial()} took, for {@link #giveBackFromDial()}. */
    private final Map<String, String> takenForDial = new LinkedHashMap<>();

    VariableBatch(AgiChannel channel) {
        this.channel = channel;
    }

    /** Adds a variable to set at the next {@link #flush()}; a later value of the same name replaces it. */
    VariableBatch add(String name, String value) {
        pending.remove(name);
        pending.put(name, value);
        return this;
    }

    /**
     * Sets every pending variable with as few commands as it can: those MSet can carry in one command, in the
     * order added, then the others one by one. Completes when Asterisk has answered the last of them.
     */
    CompletionStage<Void> flush() {
        if (pending.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Map.Entry<String, String>> batched = new ArrayList<>();
        List<Map.Entry<String, String>> alone = new ArrayList<>();
        for (Map.Entry<String, String> variable : pending.entrySet()) {
            boolean safe = SAFE_NAME.matcher(variable.getKey()).matches()
                    && SAFE_VALUE.matcher(variable.getValue()).matches();
            (safe && batched.size() < MAX_PAIRS ? batched : alone).add(Map.entry(variable.getKey(), variable.getValue()));
        }
        pending.clear();
        if (batched.size() == 1) {
            alone.add(0, batched.remove(0));
        }
        if (batched.isEmpty()) {
            return setOneByOne(alone.iterator());
        }
        return channel.exec(MSET, mset(batched)).thenCompose(result -> {
            if (result == NO_SUCH_APPLICATION) {
                alone.addAll(0, batched);
            }
            return setOneByOne(alone.iterator());
        });
    }

    private CompletionStage<Void> setOneByOne(Iterator<Map.Entry<String, String>> variables) {
        if (!variables.hasNext()) {
            return CompletableFuture.completedFuture(null);
        }
        Map.Entry<String, String> variable = variables.next();
        return channel.setVariable(variable.getKey(), variable.getValue())
                .thenCompose(done -> setOneByOne(variables));
    }

    /**
     * The argument of Dial's {@code B()} option that sets the pending variables when they are exactly
     * {@link #BEFORE_DIAL}, each with a safe value: {@code hotline-vars^s^1(id^caller^lang^step)}; they are no
     * longer pending. Otherwise empty, and nothing changes.
     */
    Optional<String> takeForDial() {
        if (pending.size() != BEFORE_DIAL.size() || !pending.keySet().containsAll(BEFORE_DIAL)) {
            return Optional.empty();
        }
        StringJoiner arguments = new StringJoiner("^", DialArguments.VARIABLES_CONTEXT + "^s^1(", ")");
        for (String name : BEFORE_DIAL) {
            String value = pending.get(name);
            if (!BEFORE_DIAL_VALUE.matcher(value).matches()) {
                return Optional.empty();
            }
            arguments.add(value);
        }
        takenForDial.clear();
        takenForDial.putAll(pending);
        pending.clear();
        return Optional.of(arguments.toString());
    }

    /**
     * Makes what {@link #takeForDial()} took pending again (those not set anew since), for when the Dial that
     * carried them failed and may never have reached Asterisk: setting them twice does no harm.
     */
    void giveBackFromDial() {
        takenForDial.forEach(pending::putIfAbsent);
        takenForDial.clear();
    }

    /** MSet's data: {@code name1=value1,name2=value2}. */
    static String mset(List<Map.Entry<String, String>> variables) {
        StringBuilder data = new StringBuilder();
        for (Map.Entry<String, String> variable : variables) {
            if (data.length() > 0) {
                data.append(',');
            }
            data.append(variable.getKey()).append('=').append(variable.getValue());
        }
        return data.toString();
    }
}
