package kz.sailau.kiosk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import kz.sailau.kiosk.store.Migration;

/**
 * The phase of the election day in the kiosk database: open, closed (no more check-ins) or wiped (templates
 * and personal data deleted). The database itself refuses a check-in row once the day is closed (trigger
 * {@code checkin_refused_after_close}, message {@link #CLOSED_MESSAGE}) and refuses to reopen a closed day, so
 * no code path can check a voter in after close.
 */
public final class ElectionDay {

    /** The text of the database error raised by a check-in after close; the ledger maps it to its refusal. */
    public static final String CLOSED_MESSAGE = "election day is closed: no more check-ins";

    /** Migration {@code audit-2}; needs the {@code checkin} table (after {@code checkin-1}). */
    public static final List<Migration> MIGRATIONS = List.of(new Migration("audit-2",
            "election day phase; check-ins refused after close", List.of(
            "CREATE TABLE election_day (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), "
                    + "phase TEXT NOT NULL CHECK (phase IN ('OPEN', 'CLOSED', 'WIPED')), closed_at TEXT)",
            "INSERT INTO election_day (singleton, phase) VALUES (1, 'OPEN')",
            "CREATE TRIGGER checkin_refused_after_close BEFORE INSERT ON checkin "
                    + "WHEN (SELECT phase FROM election_day) <> 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, '" + CLOSED_MESSAGE + "'); END",
            "CREATE TRIGGER election_day_never_reopens BEFORE UPDATE ON election_day "
                    + "WHEN OLD.phase <> 'OPEN' AND NEW.phase = 'OPEN' "
                    + "BEGIN SELECT RAISE(ABORT, 'a closed election day cannot be reopened'); END")));

    /** The phases, in order. */
    public enum Phase {
        /** Check-ins are accepted. */
        OPEN,
        /** The day is closed: no more check-ins; the bundle can be written. */
        CLOSED,
        /** Templates and personal data are wiped. */
        WIPED
    }

    private ElectionDay() {
    }

    /** The current phase, read on the caller's transaction. */
    public static Phase phase(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT phase FROM election_day");
             ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                throw new SQLException("election_day has no row");
            }
            return Phase.valueOf(row.getString(1));
        }
    }

    /** Moves to {@code phase} on the caller's transaction (the database refuses to go back to OPEN). */
    static void enter(Connection connection, Phase phase, Instant time) throws SQLException {
        Objects.requireNonNull(phase, "phase");
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE election_day SET phase = ?, closed_at = coalesce(closed_at, ?)")) {
            update.setString(1, phase.name());
            update.setString(2, phase == Phase.OPEN ? null : time.toString());
            update.executeUpdate();
        }
    }
}
