package org.hth.hotline.ops.telephony;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Captures every log event of a test (any logger, any thread) as the text a log line could show: the message
 * with its arguments, the MDC, the exception messages. Thread-safe.
 */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            StringBuilder line = new StringBuilder(event.getLevel() + " " + event.getLoggerName() + " "
                    + event.getFormattedMessage() + " " + event.getMDCPropertyMap());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
            }
            lines.add(line.toString());
        }
    };

    @Override
    public void beforeEach(ExtensionContext context) {
        appender.setContext(root().getLoggerContext());
        appender.start();
        root().addAppender(appender);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        root().detachAppender(appender);
        appender.stop();
    }

    /** Every line logged so far. */
    List<String> lines() {
        return new ArrayList<>(lines);
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
