-- Replaces a hash field only when it exists.
-- KEYS[1] the hash; ARGV[1] the field, ARGV[2] the new value. Returns 1 when replaced, 0 when absent.
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
