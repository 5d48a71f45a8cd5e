package kz.sailau.kiosk.precinct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A JGroups warning with an exception becomes one line of the kiosk's log, its cause named, no stack trace. */
class JGroupsLoggingTest {

    @Test
    void aWarningWithAnExceptionIsOneLineNamingItsCauses() {
        Logger jgroups = JGroupsLogging.quiet();
        assertEquals(jgroups, JGroupsLogging.quiet(), "a second call adds no second handler");
        assertEquals(1, jgroups.getHandlers().length);
        assertFalse(jgroups.getUseParentHandlers(), "JUL's console handler prints no stack trace of its own");

        ch.qos.logback.classic.Logger kiosk = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(
                "org.jgroups.protocols.TCP");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        kiosk.addAppender(lines);
        try {
            Logger.getLogger("org.jgroups.protocols.TCP").log(Level.WARNING, "kiosk-1: failed handling message",
                    new IllegalStateException("no reader", new IOException("Stream closed\nat once")));
            Logger.getLogger("org.jgroups.protocols.TCP").info("not logged below WARNING");
        } finally {
            kiosk.detachAppender(lines);
        }
        List<ILoggingEvent> events = lines.list;
        assertEquals(1, events.size(), events.toString());
        String line = events.get(0).getFormattedMessage();
        assertEquals("kiosk-1: failed handling message: java.lang.IllegalStateException: no reader; caused by "
                + "java.io.IOException: Stream closed at once", line);
        assertTrue(events.get(0).getThrowableProxy() == null, "no stack trace");
        assertEquals(ch.qos.logback.classic.Level.WARN, events.get(0).getLevel());
    }
}
