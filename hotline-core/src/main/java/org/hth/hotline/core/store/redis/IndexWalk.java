package org.hth.hotline.core.store.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ZRangeParams;
import redis.clients.jedis.resps.Tuple;

/**
 * Walks a sorted-set index from its highest score down (newest first; members with equal scores in
 * descending byte order, as Redis orders them), in growing batches, fetching each batch's records at once
 * and keeping those that pass a filter. It moves by score, never by a growing offset, so a walk costs
 * O(log n) per batch however deep it goes. Stateless and thread-safe.
 */
final class IndexWalk {
    static final String TOP = "+inf";
    static final String BOTTOM = "-inf";
    private static final int MAX_BATCH = 2_000;

    private IndexWalk() {
    }

    /**
     * Collects up to {@code want} records.
     *
     * @param max   the highest score to include ({@code +inf} or a whole number)
     * @param min   the lowest score to include
     * @param skip  how many members with score {@code max} to pass over first (a keyset cursor)
     * @param fetch the records of a batch of members, in the same order, {@code null} for a missing one
     */
    static <T> List<T> collect(Jedis jedis, String key, String max, String min, int skip, int want,
                               Function<List<String>, List<T>> fetch, Predicate<T> keep) {
        List<T> out = new ArrayList<>();
        int batch = Math.min(MAX_BATCH, Math.max(32, want * 2));
        String top = max;
        int passOver = skip;
        while (out.size() < want) {
            List<Tuple> tuples = jedis.zrangeWithScores(key,
                    ZRangeParams.zrangeByScoreParams(bound(top), bound(min)).rev().limit(passOver, batch));
            if (tuples.isEmpty()) {
                break;
            }
            List<T> records = fetch.apply(tuples.stream().map(Tuple::getElement).toList());
            for (T record : records) {
                if (record != null && keep.test(record)) {
                    out.add(record);
                    if (out.size() == want) {
                        return out;
                    }
                }
            }
            if (tuples.size() < batch) {
                break;
            }
            double last = tuples.get(tuples.size() - 1).getScore();
            int sameAsLast = (int) tuples.stream().filter(t -> t.getScore() == last).count();
            String lastScore = score(last);
            passOver = lastScore.equals(top) ? passOver + sameAsLast : sameAsLast;
            top = lastScore;
            batch = Math.min(MAX_BATCH, batch * 2);
        }
        return out;
    }

    /**
     * How many members with score {@code score} come before {@code member} in a descending walk, counting
     * {@code member} itself: the skip that resumes a walk just after it.
     */
    static int skipThrough(Jedis jedis, String key, long score, String member) {
        byte[] cursor = member.getBytes(StandardCharsets.UTF_8);
        return (int) jedis.zrange(key, ZRangeParams.zrangeByScoreParams(score, score)).stream()
                .filter(m -> Arrays.compareUnsigned(m.getBytes(StandardCharsets.UTF_8), cursor) >= 0)
                .count();
    }

    private static double bound(String score) {
        return switch (score) {
            case TOP -> Double.POSITIVE_INFINITY;
            case BOTTOM -> Double.NEGATIVE_INFINITY;
            default -> Long.parseLong(score);
        };
    }

    /** A whole-number score as Redis reads it back exactly. */
    static String score(double value) {
        return Long.toString((long) value);
    }
}
