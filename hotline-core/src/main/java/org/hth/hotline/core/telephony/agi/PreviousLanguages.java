package org.hth.hotline.core.telephony.agi;

import java.util.Optional;

import org.hth.hotline.core.call.CallRecord;
import org.hth.hotline.core.store.CallStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The language of a repeat caller: the newest of their last five calls that has one the menu still offers. A
 * lookup that fails gives no language (the caller hears the menu). Thread-safe; blocking (the store's indexed read
 * of one caller's calls), on the AGI server's store threads, never on an event loop.
 */
final class PreviousLanguages {
    private static final Logger log = LoggerFactory.getLogger(PreviousLanguages.class);
    private static final int CALLS_LOOKED_AT = 5;

    private final CallStore calls;
    private final LanguageMenu menu;

    PreviousLanguages(CallStore calls, LanguageMenu menu) {
        this.calls = calls;
        this.menu = menu;
    }

    /** The caller's language, by their pseudonym. */
    Optional<String> of(String pseudonym) {
        try {
            return calls.byCaller(pseudonym, CALLS_LOOKED_AT).items().stream()
                    .map(CallRecord::language).flatMap(Optional::stream)
                    .map(menu::offered).flatMap(Optional::stream)
                    .findFirst();
        } catch (RuntimeException e) {
            log.warn("previous calls not readable ({}); playing the menu", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
