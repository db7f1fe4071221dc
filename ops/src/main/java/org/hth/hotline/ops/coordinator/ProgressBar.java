package org.hth.hotline.ops.coordinator;

import java.io.PrintWriter;

/**
 * A one-line text progress bar on standard error, {@code [#####.....]  52 %  1234 records}, redrawn with a
 * carriage return. Not thread-safe.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private int lastPercent = -1;

    public ProgressBar(PrintWriter err) {
        this.err = err;
    }

    public void update(long records, double done) {
        int percent = (int) Math.floor(Math.max(0, Math.min(1, done)) * 100);
        if (percent == lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = percent * WIDTH / 100;
        err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d", percent)
                + " %  " + records + " records");
        err.flush();
    }

    public void done(long rows) {
        update(rows, 1);
        err.println();
        err.println(rows + " rows exported");
        err.flush();
    }
}
