package kz.sailau.kiosk.precinct;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.logging.LogFactory;

/** JGroups logs through java.util.logging, at WARNING and above only. */
final class JGroupsLogging {

    private JGroupsLogging() {
    }

    /** Sets the level; returns the logger, which the caller holds so that the level is not collected with it. */
    static Logger quiet() {
        LogFactory.useJdkLogger(true);
        Logger logger = Logger.getLogger("org.jgroups");
        logger.setLevel(Level.WARNING);
        return logger;
    }
}
