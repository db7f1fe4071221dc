-- Settles a claimed outbox entry when, and only when, the claim's token still holds it: counts the
-- attempt, acknowledges and deletes its stream message, and moves it to delivered, dead, or (pending)
-- the scheduled set for its next attempt.
-- KEYS: 1 entry hash, 2 stream, 3 lease set, 4 scheduled set, 5 pending set, 6 the target state's set
-- ARGV: 1 id, 2 token, 3 group, 4 target state, 5 '1' when there is an error, 6 the error,
--       7 next attempt (ISO), 8 next attempt (ms), 9 '1' to count the attempt ('0' for a postponement)
-- Returns 1 when settled, 0 when the lease is no longer held.
local key, id = KEYS[1], ARGV[1]
if redis.call('HGET', key, 'token') ~= ARGV[2] or redis.call('HGET', key, 'state') ~= 'PENDING' then
  return 0
end
local sid = redis.call('HGET', key, 'sid')
if sid then
  redis.call('XACK', KEYS[2], ARGV[3], sid)
  redis.call('XDEL', KEYS[2], sid)
end
redis.call('HDEL', key, 'token', 'claimer', 'lease', 'sid')
redis.call('ZREM', KEYS[3], id)
if ARGV[9] == '1' then
  redis.call('HINCRBY', key, 'attempts', 1)
end
if ARGV[5] == '1' then
  redis.call('HSET', key, 'error', ARGV[6])
end
if ARGV[4] == 'PENDING' then
  redis.call('HSET', key, 'next', ARGV[7])
  redis.call('ZADD', KEYS[4], ARGV[8], id)
else
  redis.call('HSET', key, 'state', ARGV[4])
  redis.call('ZREM', KEYS[5], id)
  redis.call('ZADD', KEYS[6], redis.call('HGET', key, 'created'), id)
end
return 1
