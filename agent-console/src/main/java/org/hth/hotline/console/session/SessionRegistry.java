package org.hth.hotline.console.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.hth.hotline.core.user.User;

/**
 * Server-side sessions in memory, with an idle and an absolute expiry measured on the injected clock. A new
 * session (new id, new CSRF token) is made at every login, which is how ids rotate. Sessions live in this
 * node only: several console nodes need sticky load balancing. Thread-safe.
 */
public final class SessionRegistry {
    private static final Base64.Encoder TOKEN = Base64.getUrlEncoder().withoutPadding();

    private final ConcurrentMap<String, ConsoleSession> sessions = new ConcurrentHashMap<>();
    private final List<Consumer<String>> closeListeners = new CopyOnWriteArrayList<>();
    private final Clock clock;
    private final SecureRandom random;
    private final Duration idle;
    private final Duration maxAge;

    public SessionRegistry(Clock clock, SecureRandom random, Duration idle, Duration maxAge) {
        this.clock = clock;
        this.random = random;
        this.idle = idle;
        this.maxAge = maxAge;
    }

    /** Opens a session for a user who just proved their password. */
    public ConsoleSession open(User user) {
        Instant now = clock.instant();
        ConsoleSession session = new ConsoleSession(token(), user.username(), user.roles(), user.operatorId(),
                token(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as active now; empty (and forgotten) when expired or unknown. */
    public Optional<ConsoleSession> touch(String id) {
        return live(id).map(s -> {
            ConsoleSession seen = s.seenAt(clock.instant());
            sessions.replace(id, s, seen);
            return seen;
        });
    }

    /** Whether the session is still live, without counting this as activity. */
    public boolean isLive(String id) {
        return live(id).isPresent();
    }

    /** Ends a session (logout) and tells the listeners, e.g. so its live-event sockets close at once. */
    public void close(String id) {
        if (sessions.remove(id) != null) {
            closeListeners.forEach(l -> l.accept(id));
        }
    }

    /** Called with the id of every session closed by {@link #close}, on the closing thread. */
    public void onClose(Consumer<String> listener) {
        closeListeners.add(listener);
    }

    /** Forgets every expired session. */
    public void purge() {
        Instant now = clock.instant();
        sessions.values().removeIf(s -> expired(s, now));
    }

    /** How many sessions are held (for tests and metrics). */
    public int size() {
        return sessions.size();
    }

    private Optional<ConsoleSession> live(String id) {
        ConsoleSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, clock.instant())) {
            sessions.remove(id, session);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    private boolean expired(ConsoleSession s, Instant now) {
        return !now.isBefore(s.lastSeen().plus(idle)) || !now.isBefore(s.createdAt().plus(maxAge));
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return TOKEN.encodeToString(bytes);
    }
}
