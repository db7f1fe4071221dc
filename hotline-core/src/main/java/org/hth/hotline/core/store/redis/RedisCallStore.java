package org.hth.hotline.core.store.redis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.hth.hotline.core.call.CallQuery;
import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.call.CallRollup;
import org.hth.hotline.core.store.CallStore;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.Page;
import org.hth.hotline.core.store.StoreException;
import org.hth.hotline.core.store.internal.CallRollupFields;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.params.ZRangeParams;

/**
 * Call records in Redis: the record's JSON at {@code call:<id>}, and sorted sets scored by start time
 * (whole microseconds) for the whole log and for each filter value: {@code calls:by-start},
 * {@code calls:outcome:<OUTCOME>}, {@code calls:operator:<id>}, {@code calls:language:<code>},
 * {@code calls:territory:<T>}, {@code calls:caller:<pseudonym>}. A query walks the smallest index that
 * covers one of its filters and checks the rest on the records. The statistics' counters are hashes per UTC day,
 * {@code calls:rollup:day:<epoch day>} (fields as {@link CallRollupFields} names them), changed in the same
 * {@code MULTI} as the records ({@link RedisRollupBuilder} builds them once for records saved before they
 * existed). Thread-safe.
 */
final class RedisCallStore implements CallStore {
    private static final int WATCH_RETRIES = 50;
    /** Records per {@code MULTI}/{@code EXEC} in {@link #saveAll}. */
    static final int CHUNK = 500;
    private final RedisConnection redis;

    RedisCallStore(RedisConnection redis) {
        this.redis = redis;
    }

    /** A chunk of one: see {@link #saveAll}. */
    @Override
    public void save(CallRecord call) {
        saveChunk(List.of(call));
    }

    /**
     * Chunks of {@link #CHUNK} records, each under {@code WATCH} of its record keys: one {@code MGET} of the
     * old records (whose index entries are removed and whose rollup contribution is taken back), then one
     * {@code MULTI}/{@code EXEC} that sets the records, their index entries and the rollup's counters (one
     * script adding every counter the chunk changes); a chunk whose records changed meanwhile is read and written
     * again.
     */
    @Override
    public void saveAll(List<CallRecord> calls) {
        Map<String, CallRecord> latest = new LinkedHashMap<>();
        for (CallRecord call : calls) {
            latest.remove(call.callId());
            latest.put(call.callId(), call);
        }
        List<CallRecord> unique = List.copyOf(latest.values());
        for (int from = 0; from < unique.size(); from += CHUNK) {
            saveChunk(unique.subList(from, Math.min(unique.size(), from + CHUNK)));
        }
    }

    private void saveChunk(List<CallRecord> chunk) {
        String[] keys = chunk.stream().map(call -> redis.key("call", call.callId())).toArray(String[]::new);
        List<String> jsons = chunk.stream().map(redis::write).toList();
        redis.call(jedis -> {
            for (int i = 0; i < WATCH_RETRIES; i++) {
                jedis.watch(keys);
                List<String> olds = jedis.mget(keys);
                Map<Long, Map<String, Long>> deltas = new TreeMap<>();
                Transaction tx = jedis.multi();
                for (int c = 0; c < chunk.size(); c++) {
                    CallRecord call = chunk.get(c);
                    tx.set(keys[c], jsons.get(c));
                    if (olds.get(c) != null) {
                        CallRecord old = redis.read(olds.get(c), CallRecord.class);
                        for (String index : indexes(old)) {
                            tx.zrem(index, call.callId());
                        }
                        CallRollupFields.add(deltas, old, -1);
                    }
                    double score = RedisConnection.micros(call.startedAt());
                    for (String index : indexes(call)) {
                        tx.zadd(index, score, call.callId());
                    }
                    CallRollupFields.add(deltas, call, 1);
                }
                RollupChange change = RollupChange.of(redis, deltas);
                if (!change.keys().isEmpty()) {
                    tx.eval(RollupChange.SCRIPT.text(), change.keys(), change.args());
                }
                if (tx.exec() != null) {
                    return null;
                }
            }
            throw new StoreException("calls " + chunk.get(0).callId() + " and on kept changing while they were saved");
        });
    }

    /** Every index a record belongs to. */
    private Set<String> indexes(CallRecord call) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(redis.key("calls", "by-start"));
        keys.add(redis.key("calls", "outcome", call.outcome().name()));
        call.answeredBy().ifPresent(op -> keys.add(redis.key("calls", "operator", op)));
        call.language().ifPresent(l -> keys.add(redis.key("calls", "language", l)));
        call.territory().ifPresent(t -> keys.add(redis.key("calls", "territory", t.name())));
        call.callerPseudonym().ifPresent(p -> keys.add(redis.key("calls", "caller", p)));
        return keys;
    }

    /** The hash of one UTC day's rollup counters. */
    static String rollupKey(RedisConnection redis, long epochDay) {
        return redis.key("calls", "rollup", "day", Long.toString(epochDay));
    }

    /** One {@code HGETALL} per day, pipelined. */
    @Override
    public CallRollup rollup(LocalDate fromDay, LocalDate toDay) {
        return redis.call(jedis -> {
            CallRollupFields.Reader reader = new CallRollupFields.Reader();
            Pipeline pipeline = jedis.pipelined();
            Map<Long, Response<Map<String, String>>> days = new LinkedHashMap<>();
            for (long day = fromDay.toEpochDay(); day < toDay.toEpochDay(); day++) {
                days.put(day, pipeline.hgetAll(rollupKey(redis, day)));
            }
            pipeline.sync();
            days.forEach((day, fields) -> fields.get().forEach((field, n) -> reader.add(day, field,
                    Long.parseLong(n))));
            return reader.rollup();
        });
    }

    @Override
    public Optional<CallRecord> find(String callId) {
        return Optional.ofNullable(redis.call(jedis -> jedis.get(redis.key("call", callId))))
                .map(json -> redis.read(json, CallRecord.class));
    }

    @Override
    public Page<CallRecord> query(CallQuery query) {
        return redis.call(jedis -> {
            String min = query.from().map(f -> Long.toString(RedisConnection.micros(f))).orElse(IndexWalk.BOTTOM);
            String max = query.to().map(t -> Long.toString(RedisConnection.micros(t))).orElse(IndexWalk.TOP);
            int skip = 0;
            String index = smallestIndex(jedis, query, min, max);
            if (query.after().isPresent()) {
                String after = query.after().get();
                Double at = jedis.zscore(redis.key("calls", "by-start"), after);
                if (at == null) {
                    throw new NotFoundException("call", after);
                }
                long atScore = at.longValue();
                if (IndexWalk.TOP.equals(max) || atScore <= Long.parseLong(max)) {
                    max = Long.toString(atScore);
                    skip = IndexWalk.skipThrough(jedis, index, atScore, after);
                }
            }
            List<CallRecord> found = IndexWalk.collect(jedis, index, max, min, skip, query.limit() + 1,
                    ids -> fetch(jedis, ids), query::matches);
            return page(found, query.limit());
        });
    }

    /** The index with the fewest members in the query's period among those its filters name. */
    private String smallestIndex(Jedis jedis, CallQuery query, String min, String max) {
        List<String> candidates = new ArrayList<>();
        candidates.add(redis.key("calls", "by-start"));
        query.outcome().ifPresent(o -> candidates.add(redis.key("calls", "outcome", o.name())));
        query.operator().ifPresent(o -> candidates.add(redis.key("calls", "operator", o)));
        query.language().ifPresent(l -> candidates.add(redis.key("calls", "language", l)));
        query.territory().ifPresent(t -> candidates.add(redis.key("calls", "territory", t.name())));
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        Pipeline pipeline = jedis.pipelined();
        List<Response<Long>> counts = candidates.stream().map(key -> pipeline.zcount(key, min, max)).toList();
        pipeline.sync();
        int best = 0;
        for (int i = 1; i < candidates.size(); i++) {
            if (counts.get(i).get() < counts.get(best).get()) {
                best = i;
            }
        }
        return candidates.get(best);
    }

    @Override
    public Page<CallRecord> byCaller(String pseudonym, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, was " + limit);
        }
        return redis.call(jedis -> {
            List<String> ids = jedis.zrange(redis.key("calls", "caller", pseudonym),
                    ZRangeParams.zrangeParams(0, limit).rev());
            List<CallRecord> found = new ArrayList<>(fetch(jedis, ids));
            found.removeIf(java.util.Objects::isNull);
            found.sort(Comparator.comparing(CallRecord::startedAt).thenComparing(CallRecord::callId).reversed());
            return page(found, limit);
        });
    }

    /** The records of these ids in one round trip, {@code null} where one has gone. */
    private List<CallRecord> fetch(Jedis jedis, List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> jsons = jedis.mget(ids.stream().map(id -> redis.key("call", id)).toArray(String[]::new));
        List<CallRecord> records = new ArrayList<>(jsons.size());
        for (String json : jsons) {
            records.add(json == null ? null : redis.read(json, CallRecord.class));
        }
        return records;
    }

    private static Page<CallRecord> page(List<CallRecord> found, int limit) {
        if (found.size() <= limit) {
            return new Page<>(found, Optional.empty());
        }
        List<CallRecord> items = found.subList(0, limit);
        return new Page<>(items, Optional.of(items.get(limit - 1).callId()));
    }
}
