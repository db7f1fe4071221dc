-- Claims up to max due outbox entries for one claimer, atomically, so two claimers never take one entry.
-- 1. scheduled entries whose time has come go back into the stream (each moved once: ZREM then XADD);
-- 2. entries whose lease (the hash's 'lease', compared with the caller's clock) has run out are taken
--    over with XCLAIM;
-- 3. new messages are read with XREADGROUP ... '>' for the claimer; in order (ARGV 8 = '1'), one whose
--    ticket has an older entry for the same destination not yet delivered is parked instead: its message
--    is dropped and it waits in the scheduled set (flagged 'parked') until that entry's delivery makes it
--    due, or until the recheck time (ARGV 10) at the latest.
-- Every entry taken gets the claim's token, claimer and lease end. Returns for each entry its id, then its
-- fields state, attempts, next, error, ticket, dest, type, payload, at, and json only when there is no payload
-- (an entry written before its fields were kept apart).
-- KEYS: 1 stream, 2 scheduled set, 3 lease set
-- ARGV: 1 group, 2 claimer, 3 now (ms), 4 lease end (ms), 5 max, 6 token, 7 entry key prefix,
--       8 '1' to claim in order, 9 ticket list key prefix, 10 parked entries' recheck time (ms)
local stream, scheduled, leases = KEYS[1], KEYS[2], KEYS[3]
local group, claimer, now, lease_end = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local max, token, prefix = tonumber(ARGV[5]), ARGV[6], ARGV[7]
local in_order, ticket_prefix, recheck = ARGV[8] == '1', ARGV[9], ARGV[10]

if redis.call('EXISTS', stream) == 0 then
  redis.call('XGROUP', 'CREATE', stream, group, '0', 'MKSTREAM')
end

for _, id in ipairs(redis.call('ZRANGEBYSCORE', scheduled, '-inf', now, 'LIMIT', 0, 1000)) do
  redis.call('ZREM', scheduled, id)
  local key = prefix .. id
  if redis.call('HGET', key, 'state') == 'PENDING' then
    redis.call('HSET', key, 'sid', redis.call('XADD', stream, '*', 'id', id))
  end
end

local out = {}
local function take(id, key, parked)
  if parked then
    redis.call('HDEL', key, 'parked')
  end
  redis.call('HSET', key, 'token', token, 'claimer', claimer, 'lease', lease_end)
  redis.call('ZADD', leases, lease_end, id)
  local fields = redis.call('HMGET', key, 'state', 'attempts', 'next', 'error', 'ticket', 'dest', 'type', 'payload', 'at')
  local json = false
  if not fields[8] then
    json = redis.call('HGET', key, 'json')
  end
  out[#out + 1] = {id, fields[1], fields[2], fields[3], fields[4], fields[5], fields[6], fields[7], fields[8],
    fields[9], json}
end

for _, id in ipairs(redis.call('ZRANGEBYSCORE', leases, '-inf', now, 'LIMIT', 0, max)) do
  local key = prefix .. id
  local f = redis.call('HMGET', key, 'sid', 'lease', 'state', 'parked')
  local sid = f[1]
  local held = tonumber(f[2] or '0')
  local taken = {}
  if sid and held <= now and f[3] == 'PENDING' then
    taken = redis.call('XCLAIM', stream, group, claimer, 0, sid)
  end
  if #taken > 0 then
    take(id, key, f[4])
  else
    redis.call('ZREM', leases, id)
  end
end

-- whether an older entry of the same ticket and destination is not delivered yet
local function blocked(id, key, ticket, dest)
  if not ticket then
    ticket = cjson.decode(redis.call('HGET', key, 'json')).ticketId
  end
  for _, other in ipairs(redis.call('LRANGE', ticket_prefix .. ticket, 0, -1)) do
    if other == id then
      return false
    end
    local o = redis.call('HMGET', prefix .. other, 'state', 'dest')
    if o[1] and o[1] ~= 'DELIVERED' and o[2] == dest then
      return true
    end
  end
  return false
end

local function drop(sid)
  redis.call('XACK', stream, group, sid)
  redis.call('XDEL', stream, sid)
end

for _ = 1, 5 do
  if #out >= max then
    break
  end
  local read = redis.call('XREADGROUP', 'GROUP', group, claimer, 'COUNT', max - #out, 'STREAMS', stream, '>')
  if not read then
    break
  end
  for _, message in ipairs(read[1][2]) do
    local sid, id = message[1], message[2][2]
    local key = prefix .. id
    local f = redis.call('HMGET', key, 'state', 'sid', 'ticket', 'dest', 'parked')
    if f[1] ~= 'PENDING' or f[2] ~= sid then
      -- a message left behind by an entry settled or replayed since: drop it
      drop(sid)
    elseif in_order and blocked(id, key, f[3], f[4]) then
      drop(sid)
      redis.call('HDEL', key, 'sid')
      redis.call('HSET', key, 'parked', '1')
      redis.call('ZADD', scheduled, recheck, id)
    else
      take(id, key, f[5])
    end
  end
end
return out
