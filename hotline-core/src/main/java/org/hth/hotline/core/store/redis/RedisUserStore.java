package org.hth.hotline.core.store.redis;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.hth.hotline.core.store.AlreadyExistsException;
import org.hth.hotline.core.store.NotFoundException;
import org.hth.hotline.core.store.UserStore;
import org.hth.hotline.core.user.User;

/** Console users in Redis: the hash {@code users}, field = user name, value = the user's JSON. Thread-safe. */
final class RedisUserStore implements UserStore {
    private static final LuaScript REPLACE = LuaScript.load("replace-field.lua");
    private final RedisConnection redis;

    RedisUserStore(RedisConnection redis) {
        this.redis = redis;
    }

    @Override
    public void create(User user) {
        String json = redis.write(user);
        long created = redis.call(jedis -> jedis.hsetnx(redis.key("users"), user.username(), json));
        if (created == 0) {
            throw new AlreadyExistsException("user", user.username());
        }
    }

    @Override
    public void update(User user) {
        String json = redis.write(user);
        Object replaced = redis.call(jedis -> REPLACE.run(jedis, List.of(redis.key("users")),
                List.of(user.username(), json)));
        if (!Long.valueOf(1).equals(replaced)) {
            throw new NotFoundException("user", user.username());
        }
    }

    @Override
    public Optional<User> find(String username) {
        return Optional.ofNullable(redis.call(jedis -> jedis.hget(redis.key("users"), username)))
                .map(json -> redis.read(json, User.class));
    }

    @Override
    public List<User> all() {
        return redis.call(jedis -> jedis.hvals(redis.key("users"))).stream()
                .map(json -> redis.read(json, User.class))
                .sorted(Comparator.comparing(User::username))
                .toList();
    }
}
