package org.hth.hotline.ops.retention;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

import org.hth.hotline.core.retention.RetentionRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retention job's last run in a small properties file ({@code <dataDir>/retention-last-run.properties}):
 * its time and counts, never content. Written to a temporary file and moved into place, so a crash leaves the
 * old run or the new one. Thread-safe as long as one job writes it.
 */
final class LastRunFile {
    private static final Logger log = LoggerFactory.getLogger(LastRunFile.class);

    private final Path file;

    LastRunFile(Path dataDir) {
        this.file = dataDir.resolve("retention-last-run.properties");
    }

    /** The run recorded, or empty when there is none or the file cannot be read (logged). */
    Optional<RetentionRun> read() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new RetentionRun(Instant.parse(p.getProperty("at")), count(p, "calls"),
                    count(p, "tickets"), count(p, "callbackNumbers")));
        } catch (IOException | RuntimeException e) {
            log.warn("retention: cannot read the last run from {} ({}); it will run again", file,
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    void write(RetentionRun run) {
        Properties p = new Properties();
        p.setProperty("at", run.at().toString());
        p.setProperty("calls", Integer.toString(run.calls()));
        p.setProperty("tickets", Integer.toString(run.tickets()));
        p.setProperty("callbackNumbers", Integer.toString(run.callbackNumbers()));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "last run of the retention job");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the retention run in " + file, e);
        }
    }

    private static int count(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("missing " + key);
        }
        return Integer.parseInt(value);
    }
}
