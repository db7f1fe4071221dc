package org.hth.hotline.ops.bench;

import java.net.URI;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Deletes the bench's keys from Redis once it is done with them. Blocking; any thread. */
final class RedisKeys {
    private RedisKeys() {
    }

    static void deleteByPrefix(URI url, String prefix) {
        try (Jedis jedis = new Jedis(url)) {
            ScanParams params = new ScanParams().match(prefix + "*").count(1000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, params);
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    jedis.unlink(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
    }
}
