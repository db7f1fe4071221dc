-- Writes a new outbox entry (write_entry, from outbox-entry-write.lua, which comes before this text).
-- KEYS: 1 entry hash, 2 stream, 3 scheduled set, 4 its state's set, 5 its destination's set, 6 all
--       entries, 7 its ticket's list
-- ARGV: the entry's arguments, as write_entry takes them
return write_entry(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7], ARGV, 1)
