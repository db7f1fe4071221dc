package org.hth.hotline.ops.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Makes sure the data directory exists and can be written, before anything is stored in it. */
final class DataDirectory {
    private DataDirectory() {
    }

    static void prepare(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StartupException("dataDir: " + dir + " is not a directory; expected a writable directory"
                    + " (set HOTLINE_DATA_DIR or dataDir in hotline.yaml)");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new StartupException("dataDir: " + dir + " is not writable (" + e.getClass().getSimpleName()
                    + "); expected a writable directory (set HOTLINE_DATA_DIR or dataDir in hotline.yaml)", e);
        }
    }
}
