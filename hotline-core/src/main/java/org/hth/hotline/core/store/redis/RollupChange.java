package org.hth.hotline.core.store.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch's changes to the call rollup as the arguments of {@code rollup-add.lua}: the day hashes as keys, and for
 * each, the number of its counters then each counter's field and amount (counters that do not change left out).
 * Immutable.
 *
 * @param keys the day hashes
 * @param args the counters of each, in the keys' order
 */
record RollupChange(List<String> keys, List<String> args) {
    static final LuaScript SCRIPT = LuaScript.load("rollup-add.lua");

    RollupChange {
        keys = List.copyOf(keys);
        args = List.copyOf(args);
    }

    /** The change of {@code deltas} (epoch day, then counter and amount). */
    static RollupChange of(RedisConnection redis, Map<Long, Map<String, Long>> deltas) {
        List<String> keys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        deltas.forEach((day, fields) -> {
            List<String> changed = new ArrayList<>();
            fields.forEach((field, n) -> {
                if (n != 0) {
                    changed.add(field);
                    changed.add(Long.toString(n));
                }
            });
            if (!changed.isEmpty()) {
                keys.add(RedisCallStore.rollupKey(redis, day));
                args.add(Integer.toString(changed.size() / 2));
                args.addAll(changed);
            }
        });
        return new RollupChange(keys, args);
    }
}
