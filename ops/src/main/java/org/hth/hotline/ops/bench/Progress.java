package org.hth.hotline.ops.bench;

import java.io.PrintWriter;
import java.util.Locale;

/** Progress lines while the bench runs, with the seconds elapsed since it started. Thread-safe. */
public final class Progress {
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();

    public Progress(PrintWriter out) {
        this.out = out;
    }

    /** Prints {@code [  12.3 s] scenario: message}. */
    public synchronized void say(String scenario, String message) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.println(String.format(Locale.ROOT, "[%6.1f s] %s: %s", seconds, scenario, message));
        out.flush();
    }

    /** Seconds since the bench started. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
