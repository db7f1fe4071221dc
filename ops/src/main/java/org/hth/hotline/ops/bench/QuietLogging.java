package org.hth.hotline.ops.bench;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;

/**
 * Keeps the server's INFO lines (one or two per call) off the bench's output: warnings and errors still show.
 * The same level holds for the figure and its baseline. Called once, on the bench's main thread.
 */
final class QuietLogging {
    private QuietLogging() {
    }

    static void apply() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        }
    }
}
