-- Adds a batch's changes to the call rollup's day hashes: one command instead of one HINCRBY per counter.
-- KEYS: the day hashes. ARGV: for each key in turn, how many of its counters change, then each counter's
-- field and amount.
local a = 1
for k = 1, #KEYS do
    local n = tonumber(ARGV[a])
    a = a + 1
    for _ = 1, n do
        redis.call('HINCRBY', KEYS[k], ARGV[a], ARGV[a + 1])
        a = a + 2
    end
end
return a - 1
