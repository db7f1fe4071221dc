package org.hth.hotline.console.deliveries;

import java.util.Map;

import io.vertx.core.Future;

import org.hth.hotline.core.outbox.ReplaySelection;

/**
 * What the deliveries view needs from the dispatcher, so the console does not depend on it: the destinations'
 * states (circuit {@code CLOSED}/{@code OPEN}/{@code HALF_OPEN}, {@code DISABLED}, {@code
 * WAITING_FOR_CONFIGURATION}) and the replay of dead letters. Implementations are thread-safe.
 */
public interface DeliveryControl {

    /** Each destination's state, by id. */
    Map<String, Object> destinations();

    /** Puts the selected dead letters back in the outbox; completes with how many. */
    Future<Integer> replay(ReplaySelection selection);
}
