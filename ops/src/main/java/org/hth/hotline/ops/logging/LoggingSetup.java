package org.hth.hotline.ops.logging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.joran.spi.JoranException;

import org.slf4j.LoggerFactory;

/**
 * Configures Logback once the command line and configuration are known: the format (text or JSON) and
 * the file ({@code ./config/logback.xml} when present, else the {@code logback.xml} inside the jar).
 * Called once, from the main thread, before the server starts.
 */
public final class LoggingSetup {
    private static final String FORMAT_PROPERTY = "hotline.log.format";
    private static final Path LOCAL_CONFIG = Path.of("config", "logback.xml");

    private LoggingSetup() {
    }

    /** Re-reads the Logback configuration with the given format, {@code text} or {@code json}. */
    public static void apply(String format) {
        System.setProperty(FORMAT_PROPERTY, format.toUpperCase(Locale.ROOT));
        if (System.getProperty("logback.configurationFile") == null && Files.isReadable(LOCAL_CONFIG)) {
            System.setProperty("logback.configurationFile", LOCAL_CONFIG.toAbsolutePath().toString());
        }
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.reset();
            try {
                new ContextInitializer(context).autoConfig();
            } catch (JoranException e) {
                System.err.println("logging: could not read the Logback configuration: " + e.getMessage());
            }
        }
    }
}
