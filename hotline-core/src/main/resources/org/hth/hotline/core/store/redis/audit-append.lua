-- Appends one audit entry under the next sequence number (zero-padded, so that entries of the same
-- instant walk newest first).
-- KEYS: 1 sequence, 2 entries hash, 3 time index, 4 the user's index. ARGV: 1 JSON, 2 score (microseconds).
local id = string.format('%015d', redis.call('INCR', KEYS[1]))
redis.call('HSET', KEYS[2], id, ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[2], id)
redis.call('ZADD', KEYS[4], ARGV[2], id)
return id
