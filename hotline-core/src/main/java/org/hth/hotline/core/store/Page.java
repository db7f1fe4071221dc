package org.hth.hotline.core.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paged list.
 *
 * @param items the page, in order
 * @param next  the cursor for the next page (the last item's id), empty when this was the last page
 */
public record Page<T>(List<T> items, Optional<String> next) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }
}
