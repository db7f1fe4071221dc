package org.hth.hotline.core.outbox;

import java.time.Instant;
import java.util.Objects;

/** Which dead letters a coordinator sends again. */
public sealed interface ReplaySelection {

    /** One dead letter. */
    record One(String entryId) implements ReplaySelection {
        public One {
            Objects.requireNonNull(entryId, "entryId");
        }
    }

    /** Every dead letter of one destination. */
    record Destination(String destinationId) implements ReplaySelection {
        public Destination {
            Objects.requireNonNull(destinationId, "destinationId");
        }
    }

    /** Every dead letter written since an instant. */
    record Since(Instant since) implements ReplaySelection {
        public Since {
            Objects.requireNonNull(since, "since");
        }
    }
}
