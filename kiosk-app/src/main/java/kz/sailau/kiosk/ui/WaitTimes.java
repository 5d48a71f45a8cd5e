package kz.sailau.kiosk.ui;

import kz.sailau.kiosk.timeline.PhaseTable;

/**
 * The administrator's capability to see how long voters wait, phase by phase: the check-in timeline's p50/p95 table
 * since the kiosk started (decision 0190). Counts and durations only, nothing per voter.
 */
@FunctionalInterface
public interface WaitTimes {

    /** The table as it is now; called on a worker thread. */
    PhaseTable waitTimes();
}
