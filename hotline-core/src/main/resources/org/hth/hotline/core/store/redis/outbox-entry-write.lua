-- A function shared by the scripts that write new outbox entries (outbox-enqueue.lua, ticket-create.lua; each
-- is run with this text before its own). write_entry writes one entry: its hash, its indexes, and either a
-- stream message (due now) or a place in the scheduled set (due later). Returns 1 when it went into the stream.
-- The hash keeps the entry's fields apart ('ticket', 'dest', 'type', 'payload', 'at') so that a claim reads them
-- without parsing JSON, and 'json' (the entry as written) for readers that only know that field.
-- k: entry hash, stream, scheduled set, its state's set, its destination's set, all entries, its ticket's list
-- a, i: the arguments from index i: 1 id, 2 JSON, 3 state, 4 attempts, 5 next attempt (ISO), 6 next attempt
--       (ms), 7 '1' when due now (decided on the instants: the ms in 6 are rounded up), 8 created (ms), 9 '1'
--       when there is an error, 10 the error, 11 consumer group, 12 destination, 13 ticket, 14 event type,
--       15 payload, 16 created (ISO)
local ENTRY_ARGS = 16
local function write_entry(key, stream, scheduled, state_set, dest_set, all, ticket_list, a, i)
  local id, state, created = a[i], a[i + 2], a[i + 7]
  redis.call('HSET', key, 'json', a[i + 1], 'state', state, 'attempts', a[i + 3], 'next', a[i + 4],
    'created', created, 'dest', a[i + 11], 'ticket', a[i + 12], 'type', a[i + 13], 'payload', a[i + 14],
    'at', a[i + 15])
  if a[i + 8] == '1' then
    redis.call('HSET', key, 'error', a[i + 9])
  end
  redis.call('ZADD', state_set, created, id)
  redis.call('ZADD', dest_set, created, id)
  redis.call('ZADD', all, created, id)
  redis.call('RPUSH', ticket_list, id)
  if state ~= 'PENDING' then
    return 0
  end
  if a[i + 6] ~= '1' then
    redis.call('ZADD', scheduled, a[i + 5], id)
    return 0
  end
  if redis.call('EXISTS', stream) == 0 then
    redis.call('XGROUP', 'CREATE', stream, a[i + 10], '0', 'MKSTREAM')
  end
  redis.call('HSET', key, 'sid', redis.call('XADD', stream, '*', 'id', id))
  return 1
end
