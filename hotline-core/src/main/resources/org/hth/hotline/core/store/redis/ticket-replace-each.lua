-- Replaces each ticket's JSON when it still holds the text the caller read (an optimistic write without WATCH),
-- moving the ticket from one status set to another when its status changes.
-- KEYS: 3 per ticket: its key, the set of the status it was read with, the set of its new status
-- ARGV: 4 per ticket: id, the JSON read, the new JSON, its score (µs)
-- Returns per ticket 1 when replaced, 0 when it changed (or went) since it was read: read it again.
local out = {}
for t = 0, #KEYS / 3 - 1 do
  local key, from, to = KEYS[t * 3 + 1], KEYS[t * 3 + 2], KEYS[t * 3 + 3]
  local id, read, json, score = ARGV[t * 4 + 1], ARGV[t * 4 + 2], ARGV[t * 4 + 3], ARGV[t * 4 + 4]
  if redis.call('GET', key) == read then
    redis.call('SET', key, json)
    if from ~= to then
      redis.call('ZREM', from, id)
      redis.call('ZADD', to, score, id)
    end
    out[#out + 1] = 1
  else
    out[#out + 1] = 0
  end
end
return out
