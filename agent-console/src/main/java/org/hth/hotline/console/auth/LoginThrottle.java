package org.hth.hotline.console.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts failed logins per user name and per client address within a window; once a key reaches its limit it
 * is locked out until the window has passed since the last failure. Names that do not exist are counted like
 * names that do, so the answer never tells them apart. At most {@value #MAX_KEYS} keys are remembered (the
 * oldest go first), so a flood of made-up names cannot exhaust memory. Thread-safe (synchronized).
 */
public final class LoginThrottle {
    static final int MAX_KEYS = 20_000;

    private final Clock clock;
    private final int maxPerName;
    private final int maxPerAddress;
    private final Duration lockout;
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > MAX_KEYS;
        }
    };

    /**
     * @param maxPerName failures per user name before a lock-out; the per-address limit is four times this
     * @param lockout    how long a lock-out lasts, and the window failures are counted in
     */
    public LoginThrottle(Clock clock, int maxPerName, Duration lockout) {
        this.clock = clock;
        this.maxPerName = maxPerName;
        this.maxPerAddress = maxPerName * 4;
        this.lockout = lockout;
    }

    /** When the name or the address is locked out, until when. */
    public synchronized Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> byName = locked(nameKey(username), maxPerName, now);
        Optional<Instant> byAddress = locked(addressKey(address), maxPerAddress, now);
        return byName.isPresent() && byAddress.isPresent()
                ? Optional.of(byName.get().isAfter(byAddress.get()) ? byName.get() : byAddress.get())
                : byName.or(() -> byAddress);
    }

    public synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        count(nameKey(username), now);
        count(addressKey(address), now);
    }

    /** A successful login clears the name's failures (not the address's: one good account must not reset it). */
    public synchronized void succeeded(String username) {
        failures.remove(nameKey(username));
    }

    private Optional<Instant> locked(String key, int limit, Instant now) {
        Failures f = failures.get(key);
        if (f == null || f.count() < limit) {
            return Optional.empty();
        }
        Instant until = f.last().plus(lockout);
        if (now.isBefore(until)) {
            return Optional.of(until);
        }
        failures.remove(key);
        return Optional.empty();
    }

    private void count(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null || !now.isBefore(f.last().plus(lockout))) {
            failures.put(key, new Failures(1, now));
        } else {
            failures.put(key, new Failures(f.count() + 1, now));
        }
    }

    private static String nameKey(String username) {
        return "u:" + username.strip().toLowerCase(Locale.ROOT);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private record Failures(int count, Instant last) {
    }
}
