package org.hth.hotline.ops.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How big and how long a bench run is. Immutable.
 *
 * @param quick      {@code --quick}: smaller loads and fewer runs, under three minutes in all
 * @param runs       measured runs of each scenario (after the warm-up)
 * @param records    call records generated for {@code calllog}
 * @param redisUrl   the Redis to measure against ({@code HOTLINE_BENCH_REDIS_URL}); none skips the Redis rows
 * @param workDir    a scratch directory for databases and files, deleted by the caller
 */
public record BenchSettings(boolean quick, int runs, int records, Optional<URI> redisUrl, Path workDir) {
    public BenchSettings {
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(workDir, "workDir");
        if (runs < 1 || records < 1) {
            throw new IllegalArgumentException("runs and records must be positive");
        }
    }

    /** The defaults of a quick or a full run. */
    public static BenchSettings of(boolean quick, Optional<Integer> records, Optional<URI> redisUrl, Path workDir) {
        return new BenchSettings(quick, quick ? 3 : 5, records.orElse(quick ? 100_000 : 1_000_000), redisUrl,
                workDir);
    }
}
