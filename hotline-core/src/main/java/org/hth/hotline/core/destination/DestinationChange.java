package org.hth.hotline.core.destination;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A destination before and after a coordinator's change, as the registry applied it.
 *
 * @param before the destination as it was delivered to
 * @param after  the destination as it is delivered to from now on
 */
public record DestinationChange(Destination before, Destination after) {
    public DestinationChange {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /**
     * What changed, for the audit log: the address's host only (its path or query may carry a token), e.g.
     * {@code url a.example → b.example; enabled true → false}, or {@code unchanged}.
     */
    public String describe() {
        List<String> parts = new ArrayList<>();
        String hostBefore = before.url().map(DestinationUrl::host).orElse("none");
        String hostAfter = after.url().map(DestinationUrl::host).orElse("none");
        if (!before.url().equals(after.url())) {
            parts.add("url " + hostBefore + " → " + hostAfter);
        }
        if (before.enabled() != after.enabled()) {
            parts.add("enabled " + before.enabled() + " → " + after.enabled());
        }
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }
}
