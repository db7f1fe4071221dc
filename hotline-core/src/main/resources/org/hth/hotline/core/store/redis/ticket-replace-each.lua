-- Writes tickets' new JSON, all or nothing, when every ticket named still holds the text the caller read (an
-- optimistic transaction without WATCH): when one has changed (or come, or gone) since, writes nothing.
-- A changed ticket moves from one status set to another when its status changes.
-- KEYS: 3 per ticket: its key, the set of the status it was read with, the set of its new status
-- ARGV: 5 per ticket: id, what to do ('write', 'keep' as read, or 'absent': it did not exist when read), the JSON
--       read, the new JSON (for 'write'), its score (µs, for 'write')
-- Returns per ticket 1 when it is as read, 0 when it changed; the writes were made when all are 1.
local tickets = #KEYS / 3
local out, all = {}, true
for t = 0, tickets - 1 do
  local stored = redis.call('GET', KEYS[t * 3 + 1])
  local same
  if ARGV[t * 5 + 2] == 'absent' then
    same = not stored
  else
    same = stored == ARGV[t * 5 + 3]
  end
  out[#out + 1] = same and 1 or 0
  all = all and same
end
if not all then
  return out
end
for t = 0, tickets - 1 do
  if ARGV[t * 5 + 2] == 'write' then
    local key, from, to = KEYS[t * 3 + 1], KEYS[t * 3 + 2], KEYS[t * 3 + 3]
    local id = ARGV[t * 5 + 1]
    redis.call('SET', key, ARGV[t * 5 + 4])
    if from ~= to then
      redis.call('ZREM', from, id)
      redis.call('ZADD', to, ARGV[t * 5 + 5], id)
    end
  end
end
return out
