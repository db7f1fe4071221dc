package org.hth.hotline.core.roster;

import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Operators who take turns, in order: at every {@link Handoff} the turn passes to the next member. The
 * rotation is on call during its daily {@code covers} window, or all day when there is none. Immutable,
 * thread-safe.
 *
 * @param id      the rotation id ({@code night})
 * @param members operator ids, distinct, at least one, in turn order
 * @param handoff when the turn passes
 * @param covers  the daily window, or empty for 24 h
 */
public record Rotation(String id, List<String> members, Handoff handoff, Optional<DailyWindow> covers) {
    public Rotation {
        Objects.requireNonNull(id, "id");
        members = List.copyOf(members);
        Objects.requireNonNull(handoff, "handoff");
        Objects.requireNonNull(covers, "covers");
        if (members.isEmpty() || new HashSet<>(members).size() != members.size()) {
            throw new IllegalArgumentException("rotation " + id + " needs distinct members: " + members);
        }
    }

    /** Whether the rotation is on call at this local time of day. */
    public boolean isOnCallAt(LocalTime time) {
        return covers.map(window -> window.contains(time)).orElse(true);
    }
}
