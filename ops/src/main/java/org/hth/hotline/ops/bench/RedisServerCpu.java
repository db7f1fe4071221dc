package org.hth.hotline.ops.bench;

import java.net.URI;

import redis.clients.jedis.Jedis;

/**
 * The CPU time a Redis server has used ({@code INFO cpu}: user plus system, of every thread), so that a figure
 * of CPU per referral on Redis counts the store's work too, which runs in that process and not in the bench's.
 * Counts whatever else the server does at the time: the bench's server should serve the bench alone.
 * Blocking; any thread.
 */
final class RedisServerCpu {
    private RedisServerCpu() {
    }

    /** CPU nanoseconds the server at {@code url} has used since it started. */
    static long nanos(URI url) {
        try (Jedis jedis = new Jedis(url)) {
            double seconds = 0;
            for (String line : jedis.info("cpu").split("\r?\n")) {
                if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                    seconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
                }
            }
            return Math.round(seconds * 1e9);
        }
    }
}
