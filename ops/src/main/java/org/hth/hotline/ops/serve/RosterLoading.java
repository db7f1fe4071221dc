package org.hth.hotline.ops.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import org.hth.hotline.core.roster.RosterException;
import org.hth.hotline.core.roster.RosterParser;
import org.hth.hotline.core.roster.RosterVersion;
import org.hth.hotline.core.store.RosterStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the roster file into the store at start-up. The file wins only when it changed since it was last
 * loaded, so edits made in the console survive a restart; an invalid file, or one that leaves an hour of the
 * next 14 days uncovered, stops start-up naming the problems.
 */
final class RosterLoading {
    private static final Logger log = LoggerFactory.getLogger(RosterLoading.class);
    static final String FROM_FILE = "config";

    private RosterLoading() {
    }

    static void load(Path file, RosterStore store, Clock clock) {
        Optional<RosterVersion> current = store.current();
        if (!Files.isRegularFile(file)) {
            current.ifPresentOrElse(
                    v -> log.info("roster: using version {} from the store ({} not found)", v.version(), file),
                    () -> log.warn("roster: none loaded and {} not found: every call goes to the dialplan's"
                            + " fallback until a roster is saved", file));
            return;
        }
        String document = read(file);
        try {
            new RosterParser().load(document, clock.instant());
        } catch (RosterException e) {
            throw new StartupException("roster.file: " + file + " is refused:\n  "
                    + String.join("\n  ", e.problems()), e);
        }
        Optional<RosterVersion> lastFromFile = store.history(50).stream()
                .filter(v -> v.savedBy().equals(FROM_FILE)).findFirst();
        if (current.isPresent() && lastFromFile.map(v -> v.document().equals(document)).orElse(false)) {
            log.info("roster: version {} in force ({} unchanged since it was loaded)", current.get().version(), file);
            return;
        }
        RosterVersion saved = store.save(document, FROM_FILE, clock.instant());
        log.info("roster: version {} loaded from {}", saved.version(), file);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new StartupException("roster.file: " + file + " cannot be read (" + e.getClass().getSimpleName()
                    + "); expected a readable roster YAML", e);
        }
    }
}
