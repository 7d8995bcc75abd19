package dev.researchvault.bootstrap.support

import ch.qos.logback.classic.Level
import ch.qos.logback.classic.Logger
import ch.qos.logback.classic.LoggerContext
import ch.qos.logback.classic.spi.ILoggingEvent
import ch.qos.logback.core.read.ListAppender
import org.slf4j.LoggerFactory

/**
 * Records every log event of the server in the same JVM at DEBUG (Micronaut Data's query log at TRACE),
 * for specs that prove no secret reaches a log. Close it to restore the levels.
 */
class LogCapture implements AutoCloseable {

    private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory()
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>()
    private final Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
    private final Map<Logger, Level> previousLevels

    LogCapture() {
        def raised = [root, context.getLogger('io.micronaut'), context.getLogger('io.micronaut.data'),
                      context.getLogger('org.sqlite'), context.getLogger('dev.researchvault')]
        previousLevels = raised.collectEntries { [(it): it.level] }
        raised.each { it.level = Level.DEBUG }
        context.getLogger('io.micronaut.data').level = Level.TRACE
        appender.context = context
        appender.start()
        root.addAppender(appender)
    }

    /** A snapshot of the events so far; server threads may still be appending while a spec reads. */
    List<ILoggingEvent> events() {
        // AppenderBase.doAppend synchronizes on the appender, so this copy never races an append.
        synchronized (appender) {
            new ArrayList<>(appender.list)
        }
    }

    /** Every message and exception message recorded so far, one per line. */
    String text() {
        events().collect { it.formattedMessage + ' ' + (it.throwableProxy?.message ?: '') }.join('\n')
    }

    @Override
    void close() {
        root.detachAppender(appender)
        previousLevels.each { logger, level -> logger.level = level }
    }
}
