-- Puts one dead letter back as pending, due now, attempts reset, with a fresh stream message.
-- KEYS: 1 entry hash, 2 stream, 3 dead set, 4 pending set
-- ARGV: 1 id, 2 now (ISO), 3 group
-- Returns 1 when replayed, 0 when the entry is not a dead letter (any more).
local key, id = KEYS[1], ARGV[1]
if redis.call('HGET', key, 'state') ~= 'DEAD' then
  return 0
end
redis.call('HSET', key, 'state', 'PENDING', 'attempts', 0, 'next', ARGV[2])
redis.call('ZREM', KEYS[3], id)
redis.call('ZADD', KEYS[4], redis.call('HGET', key, 'created'), id)
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('XGROUP', 'CREATE', KEYS[2], ARGV[3], '0', 'MKSTREAM')
end
redis.call('HSET', key, 'sid', redis.call('XADD', KEYS[2], '*', 'id', id))
return 1
