-- Creates a ticket with its outbox entries, all or nothing, in one round trip: refuses when the ticket's key
-- or one of the entries' hashes exists already, or when the list names one entry twice; otherwise writes the
-- ticket's JSON, its indexes, and each entry (write_entry, from outbox-entry-write.lua, which comes before
-- this text).
-- KEYS: 1 ticket, 2 tickets by creation, 3 its status's set, 4 outbox stream, 5 scheduled set, 6 all entries,
--       7 the ticket's entry list, then ARGV[4] keys: the sets of the ticket's destinations, then its call's
--       set when ARGV[5] = '1', then 3 per entry: its hash, its state's set, its destination's set
-- ARGV: 1 ticket id, 2 the ticket's JSON, 3 its score (µs), 4 how many destination sets, 5 '1' with a call's
--       set, 6 how many entries, then each entry's arguments, as write_entry takes them
-- Returns {0} when written, {1} when the ticket exists, {2, entry id} when that entry exists or is named twice.
local ticket_id, score = ARGV[1], ARGV[3]
local destinations, with_call, count = tonumber(ARGV[4]), ARGV[5] == '1', tonumber(ARGV[6])
local first_entry_key = 8 + destinations + (with_call and 1 or 0)

if redis.call('EXISTS', KEYS[1]) == 1 then
  return {1}
end
local seen = {}
for e = 0, count - 1 do
  local id = ARGV[7 + e * ENTRY_ARGS]
  if seen[id] or redis.call('EXISTS', KEYS[first_entry_key + e * 3]) == 1 then
    return {2, id}
  end
  seen[id] = true
end

redis.call('SET', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], score, ticket_id)
redis.call('ZADD', KEYS[3], score, ticket_id)
for d = 0, destinations - 1 do
  redis.call('ZADD', KEYS[8 + d], score, ticket_id)
end
if with_call then
  redis.call('ZADD', KEYS[8 + destinations], score, ticket_id)
end
for e = 0, count - 1 do
  local k = first_entry_key + e * 3
  write_entry(KEYS[k], KEYS[4], KEYS[5], KEYS[k + 1], KEYS[k + 2], KEYS[6], KEYS[7], ARGV, 7 + e * ENTRY_ARGS)
end
return {0}
