package kz.sailau.kiosk.precinct;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jgroups.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * JGroups logs through java.util.logging, at WARNING and above only, each record as one line of the kiosk's own log
 * (SLF4J): its cause named, its stack trace left out. A library's warning is no refusal of the kiosk's, and the
 * trace JUL printed for it ({@code failed handling message … IOException: Stream closed} when a peer's connection
 * closes as a node joins; session H66) told the technician reading {@code node run}'s journal nothing more.
 */
final class JGroupsLogging {

    private JGroupsLogging() {
    }

    /** Sets the level; returns the logger, which the caller holds so that the level is not collected with it. */
    static Logger quiet() {
        LogFactory.useJdkLogger(true);
        Logger logger = Logger.getLogger("org.jgroups");
        logger.setLevel(Level.WARNING);
        synchronized (JGroupsLogging.class) {
            for (Handler handler : logger.getHandlers()) {
                if (handler instanceof OneLine) {
                    return logger;
                }
            }
            logger.setUseParentHandlers(false);
            logger.addHandler(new OneLine());
        }
        return logger;
    }

    /** The line a record becomes: its message, then each cause as {@code Type: message}, without stack traces. */
    static String line(LogRecord record) {
        StringBuilder line = new StringBuilder(new SimpleFormatter().formatMessage(record));
        int depth = 0;
        for (Throwable cause = record.getThrown(); cause != null && depth < 4; cause = cause.getCause(), depth++) {
            line.append(depth == 0 ? ": " : "; caused by ").append(cause);
        }
        return line.toString().replaceAll("[\\r\\n]+", " ");
    }

    /** Hands each record to SLF4J under the JGroups logger's name, as one line. */
    private static final class OneLine extends Handler {

        @Override
        public void publish(LogRecord record) {
            if (record == null || !isLoggable(record)) {
                return;
            }
            var target = LoggerFactory.getLogger(record.getLoggerName() == null ? "org.jgroups"
                    : record.getLoggerName());
            if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                target.error("{}", line(record));
            } else {
                target.warn("{}", line(record));
            }
        }

        @Override
        public void flush() {
            // nothing buffered
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
