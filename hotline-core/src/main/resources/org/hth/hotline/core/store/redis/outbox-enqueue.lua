-- Writes a new outbox entry: its hash, its indexes, and either a stream message (due now) or a place
-- in the scheduled set (due later).
-- KEYS: 1 entry hash, 2 stream, 3 scheduled set, 4 its state's set, 5 its destination's set, 6 all
--       entries, 7 its ticket's list
-- ARGV: 1 id, 2 JSON, 3 state, 4 attempts, 5 next attempt (ISO), 6 next attempt (ms), 7 '1' when due now
--       (decided on the instants: the ms in 6 are rounded up),
--       8 created (ms), 9 '1' when there is an error, 10 the error, 11 consumer group, 12 destination,
--       13 ticket
local key, id = KEYS[1], ARGV[1]
redis.call('HSET', key, 'json', ARGV[2], 'state', ARGV[3], 'attempts', ARGV[4], 'next', ARGV[5],
  'created', ARGV[8], 'dest', ARGV[12], 'ticket', ARGV[13])
if ARGV[9] == '1' then
  redis.call('HSET', key, 'error', ARGV[10])
end
redis.call('ZADD', KEYS[4], ARGV[8], id)
redis.call('ZADD', KEYS[5], ARGV[8], id)
redis.call('ZADD', KEYS[6], ARGV[8], id)
redis.call('RPUSH', KEYS[7], id)
if ARGV[3] ~= 'PENDING' then
  return 0
end
if ARGV[7] ~= '1' then
  redis.call('ZADD', KEYS[3], ARGV[6], id)
  return 0
end
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('XGROUP', 'CREATE', KEYS[2], ARGV[11], '0', 'MKSTREAM')
end
redis.call('HSET', key, 'sid', redis.call('XADD', KEYS[2], '*', 'id', id))
return 1
