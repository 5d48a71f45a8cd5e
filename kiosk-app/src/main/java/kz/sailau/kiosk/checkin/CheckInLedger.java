package kz.sailau.kiosk.checkin;

import java.util.Optional;
import kz.sailau.kiosk.model.Iin;

/**
 * Port: the durable record of check-ins. {@link #record} stores the check-in, updates the counters and
 * appends the {@link CheckInAuditEvent#CHECKED_IN} audit event in one atomic transaction: after a crash
 * either all three are there or none.
 */
public interface CheckInLedger {

    /** Whether the voter's check-in is already recorded. */
    boolean isCheckedIn(Iin iin);

    /**
     * Records a check-in atomically with its counters and audit event.
     *
     * @return the counters after this check-in
     * @throws AlreadyCheckedInException if the voter is already recorded (nothing is changed)
     */
    Counters record(CheckInRecord record);

    /** Counts a voided token and appends {@link CheckInAuditEvent#TOKEN_VOIDED} atomically. */
    Counters recordVoidedToken(Optional<ClerkId> clerk);

    /** Appends an audit event that changes no counter. */
    void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk);

    /** The current counters. */
    Counters counters();
}
