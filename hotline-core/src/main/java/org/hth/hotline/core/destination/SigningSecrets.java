package org.hth.hotline.core.destination;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A destination's signing secrets: the current one and, during a rotation window, the previous one until
 * {@code previousUntil}. Immutable.
 *
 * @param current       signs every message
 * @param previous      also signs (and verifies) until {@code previousUntil}
 * @param previousUntil the end of the rotation window; present exactly when {@code previous} is
 */
public record SigningSecrets(WebhookSecret current, Optional<WebhookSecret> previous, Optional<Instant> previousUntil) {
    public SigningSecrets {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(previousUntil, "previousUntil");
        if (previous.isPresent() != previousUntil.isPresent()) {
            throw new IllegalArgumentException("a previous secret needs the end of its rotation window, and only then");
        }
    }

    public static SigningSecrets of(WebhookSecret current) {
        return new SigningSecrets(current, Optional.empty(), Optional.empty());
    }

    /** The secrets in use at {@code now}: the current one, then the previous one while its window lasts. */
    public List<WebhookSecret> activeAt(Instant now) {
        List<WebhookSecret> active = new ArrayList<>(2);
        active.add(current);
        if (previous.isPresent() && now.isBefore(previousUntil.get())) {
            active.add(previous.get());
        }
        return active;
    }
}
