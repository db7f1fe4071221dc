-- Settles a batch of claimed outbox entries. For each: appends its delivery attempt (if any) to the entry's
-- delivery log; then, when and only when the claim's token still holds the entry, counts the attempt (unless
-- postponed), acknowledges and deletes its stream message, and moves it to delivered, dead, or (pending) the
-- scheduled set for its next attempt. After a delivery, an entry of the same ticket and destination that an
-- in-order claim parked behind this one is made due at once, and the result says whether every entry of the
-- ticket is now delivered.
-- KEYS: 1 stream, 2 lease set, 3 scheduled set, 4 pending set
-- ARGV: 1 group, 2 entry key prefix, 3 state set key prefix, 4 delivery log key prefix, 5 ticket list key
--       prefix, 6 now (ms), then 9 per entry: id, token, target state, '1' when there is an error, the error,
--       next attempt (ISO), next attempt (ms), '1' to count the attempt, the attempt's JSON ('' for none)
-- Returns per entry: 0 when the lease is no longer held, 1 when settled, 2 when settled and its ticket is
-- now wholly delivered.
local stream, leases, scheduled, pending = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local group, prefix, state_prefix, log_prefix, ticket_prefix = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5]
local now = ARGV[6]

-- the entry's ticket, from its field or (an entry older than that field) from its JSON
local function ticket_of(key, ticket)
  if not ticket then
    ticket = cjson.decode(redis.call('HGET', key, 'json')).ticketId
  end
  return ticket
end

-- releases the next parked entry of this ticket and destination; true when all of the ticket is delivered
local function delivered(id, key, dest, ticket)
  local all, after, released = true, false, false
  for _, other in ipairs(redis.call('LRANGE', ticket_prefix .. ticket_of(key, ticket), 0, -1)) do
    local okey = prefix .. other
    local o = redis.call('HMGET', okey, 'state', 'dest', 'parked')
    local state = o[1]
    if state and state ~= 'DELIVERED' then
      all = false
      if after and not released and o[2] == dest then
        released = true
        if o[3] == '1' then
          redis.call('HDEL', okey, 'parked')
          redis.call('ZADD', scheduled, now, other)
        end
      end
    end
    if other == id then
      after = true
    end
  end
  return all
end

local out = {}
for i = 7, #ARGV, 9 do
  local id, token, target = ARGV[i], ARGV[i + 1], ARGV[i + 2]
  local key = prefix .. id
  if ARGV[i + 8] ~= '' then
    redis.call('RPUSH', log_prefix .. id, ARGV[i + 8])
  end
  local f = redis.call('HMGET', key, 'token', 'state', 'sid', 'created', 'dest', 'ticket')
  if f[1] ~= token or f[2] ~= 'PENDING' then
    out[#out + 1] = 0
  else
    local sid = f[3]
    if sid then
      redis.call('XACK', stream, group, sid)
      redis.call('XDEL', stream, sid)
    end
    redis.call('HDEL', key, 'token', 'claimer', 'lease', 'sid', 'parked')
    redis.call('ZREM', leases, id)
    if ARGV[i + 7] == '1' then
      redis.call('HINCRBY', key, 'attempts', 1)
    end
    local result = 1
    if target == 'PENDING' then
      if ARGV[i + 3] == '1' then
        redis.call('HSET', key, 'next', ARGV[i + 5], 'error', ARGV[i + 4])
      else
        redis.call('HSET', key, 'next', ARGV[i + 5])
      end
      redis.call('ZADD', scheduled, ARGV[i + 6], id)
    else
      if ARGV[i + 3] == '1' then
        redis.call('HSET', key, 'state', target, 'error', ARGV[i + 4])
      else
        redis.call('HSET', key, 'state', target)
      end
      redis.call('ZREM', pending, id)
      redis.call('ZADD', state_prefix .. target, f[4], id)
      if target == 'DELIVERED' and delivered(id, key, f[5], f[6]) then
        result = 2
      end
    end
    out[#out + 1] = result
  end
end
return out
