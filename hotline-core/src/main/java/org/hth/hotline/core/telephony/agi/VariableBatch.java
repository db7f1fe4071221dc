package org.hth.hotline.core.telephony.agi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;

/**
 * Channel variables of one call, gathered and then set in one AGI command: {@code EXEC MSet
 * name1=value1,name2=value2,...} (Asterisk's {@code MSet}, which sets each pair in order, each with its own
 * {@code VarSet} event, as {@code SET VARIABLE} would). A value MSet cannot carry unharmed (empty, or with a
 * character its argument parser would split or strip: {@code , = " ' \ |} spaces and the like) is set alone
 * with {@code SET VARIABLE}, and so is a batch of one. When Asterisk has no {@code MSet} ({@code EXEC} answers
 * -2) every variable is set with {@code SET VARIABLE}. One per call, on its AGI worker; not thread-safe.
 */
final class VariableBatch {
    static final String MSET = "MSet";
    /** Asterisk's MSet takes at most 99 pairs. */
    static final int MAX_PAIRS = 99;
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._:@+/-]{1,200}");
    /** {@code EXEC}'s reply when Asterisk has no such application. */
    private static final int NO_SUCH_APPLICATION = -2;

    private final AgiChannel channel;
    private final Map<String, String> pending = new LinkedHashMap<>();

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
     * order added, then the others one by one.
     */
    void flush() throws AgiException {
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> batched = new ArrayList<>();
        List<Map.Entry<String, String>> alone = new ArrayList<>();
        for (Map.Entry<String, String> variable : pending.entrySet()) {
            boolean safe = SAFE_NAME.matcher(variable.getKey()).matches()
                    && SAFE_VALUE.matcher(variable.getValue()).matches();
            (safe && batched.size() < MAX_PAIRS ? batched : alone).add(variable);
        }
        pending.clear();
        if (batched.size() == 1) {
            alone.add(0, batched.remove(0));
        }
        if (!batched.isEmpty() && channel.exec(MSET, mset(batched)) == NO_SUCH_APPLICATION) {
            alone.addAll(0, batched);
        }
        for (Map.Entry<String, String> variable : alone) {
            channel.setVariable(variable.getKey(), variable.getValue());
        }
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
