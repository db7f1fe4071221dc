-- A function shared by the scripts that write new outbox entries (outbox-enqueue.lua, ticket-create.lua; each
-- is run with this text before its own). write_entry writes one entry: its hash, its indexes, and either a
-- stream message (due now) or a place in the scheduled set (due later). Returns 1 when it went into the stream.
-- The hash keeps the entry's fields apart ('ticket', 'dest', 'type', 'payload', 'at') so that a claim reads them
-- without parsing JSON. (Entries written before those fields have only 'json', the entry as a document; every
-- reader still reads those.)
-- k: entry hash, stream, scheduled set, its state's set, its destination's set, all entries, its ticket's list
-- a, i: the arguments from index i: 1 id, 2 state, 3 attempts, 4 next attempt (ISO), 5 next attempt (ms), 6 '1'
--       when due now (decided on the instants: the ms in 5 are rounded up), 7 created (ms), 8 '1' when there is
--       an error, 9 the error, 10 consumer group, 11 destination, 12 ticket, 13 event type, 14 payload, 15 created
--       (ISO)
local ENTRY_ARGS = 15
local function write_entry(key, stream, scheduled, state_set, dest_set, all, ticket_list, a, i)
  local id, state, created = a[i], a[i + 1], a[i + 6]
  redis.call('HSET', key, 'state', state, 'attempts', a[i + 2], 'next', a[i + 3], 'created', created,
    'dest', a[i + 10], 'ticket', a[i + 11], 'type', a[i + 12], 'payload', a[i + 13], 'at', a[i + 14])
  if a[i + 7] == '1' then
    redis.call('HSET', key, 'error', a[i + 8])
  end
  redis.call('ZADD', state_set, created, id)
  redis.call('ZADD', dest_set, created, id)
  redis.call('ZADD', all, created, id)
  redis.call('RPUSH', ticket_list, id)
  if state ~= 'PENDING' then
    return 0
  end
  if a[i + 5] ~= '1' then
    redis.call('ZADD', scheduled, a[i + 4], id)
    return 0
  end
  if redis.call('EXISTS', stream) == 0 then
    redis.call('XGROUP', 'CREATE', stream, a[i + 9], '0', 'MKSTREAM')
  end
  redis.call('HSET', key, 'sid', redis.call('XADD', stream, '*', 'id', id))
  return 1
end
