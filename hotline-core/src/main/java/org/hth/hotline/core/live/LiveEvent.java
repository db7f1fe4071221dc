package org.hth.hotline.core.live;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One live event, as the console's WebSocket sends it: {@code {"type": …, "at": …, "data": …}}. The data
 * holds ids, pseudonyms, states and numbers of seconds, never a phone number or note text.
 *
 * @param type e.g. {@code call.ringing}, {@code call.answered}, {@code call.ended}, {@code pbx.connection}
 * @param at   when it happened
 * @param data JSON-compatible values (strings, numbers, booleans, lists, maps)
 */
public record LiveEvent(String type, Instant at, Map<String, Object> data) {
    public LiveEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        data = Map.copyOf(data);
    }
}
