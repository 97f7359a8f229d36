package io.resourcemanager.ttl.adapter;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** The log lines of one class while a test runs; close it to stop capturing. */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    private LogCapture(Class<?> type) {
        logger = (Logger) LoggerFactory.getLogger(type);
        events.start();
        logger.addAppender(events);
    }

    /** Starts capturing what {@code type} logs. */
    static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /** The formatted messages logged at {@code level} so far. */
    List<String> at(Level level) {
        synchronized (events) {
            return events.list.stream().filter(event -> event.getLevel() == level)
                    .map(ILoggingEvent::getFormattedMessage).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(events);
    }
}
