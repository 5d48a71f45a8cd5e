package kz.sailau.kiosk.store.checkin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.crypto.BlindIndex;
import kz.sailau.kiosk.model.Iin;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;

/**
 * The {@link CheckInLedger} in the kiosk database. A check-in row, the counters and the audit event are
 * written in one {@link KioskDatabase#inTransaction transaction} (WAL, {@code synchronous=FULL}): after a crash
 * at any point all three are there or none. The voter is stored only as the keyed blind index of the IIN.
 *
 * <pre>
 * checkin         (voter_index BLOB PRIMARY KEY, method TEXT, override_reason TEXT NULL, clerk TEXT NULL)
 *                 WITHOUT ROWID — no time and no token: a check-in cannot be linked to a ballot token
 * checkin_counter (name TEXT PRIMARY KEY, value INTEGER)
 * checkin_audit   (seq INTEGER PRIMARY KEY, event TEXT, detail TEXT, clerk TEXT NULL, at TEXT)
 *                 interim audit sink until the hash-chained audit log takes these events
 * </pre>
 */
public final class SqliteCheckInLedger implements CheckInLedger {

    /** The migrations of this ledger, to be listed after the register's when opening the database. */
    public static final List<Migration> MIGRATIONS = List.of(new Migration("checkin-1",
            "check-ins keyed by the IIN blind index, counters and interim audit events", List.of(
            "CREATE TABLE checkin (voter_index BLOB NOT NULL PRIMARY KEY CHECK (length(voter_index) = 32), "
                    + "method TEXT NOT NULL, override_reason TEXT, clerk TEXT) WITHOUT ROWID",
            "CREATE TABLE checkin_counter (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL "
                    + "CHECK (value >= 0)) WITHOUT ROWID",
            "INSERT INTO checkin_counter (name, value) VALUES ('check_ins', 0), ('overrides', 0), ('cardless', 0), "
                    + "('fallback', 0), ('voided_tokens', 0)",
            "CREATE TABLE checkin_audit (seq INTEGER PRIMARY KEY, event TEXT NOT NULL, detail TEXT NOT NULL, "
                    + "clerk TEXT, at TEXT NOT NULL)")));

    private static final int SQLITE_CONSTRAINT = 19;

    private final KioskDatabase database;
    private final BlindIndex voterIndex;
    private final Clock clock;

    /**
     * @param database   the kiosk database, opened with {@link #MIGRATIONS} applied
     * @param voterIndex the keyed blind index for IINs (domain {@code iin})
     * @param clock      time stamps of audit events
     */
    public SqliteCheckInLedger(KioskDatabase database, BlindIndex voterIndex, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.voterIndex = Objects.requireNonNull(voterIndex, "voterIndex");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean isCheckedIn(Iin iin) {
        byte[] index = voterIndex.of(Objects.requireNonNull(iin, "iin").digits());
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM checkin WHERE voter_index = ?")) {
                s.setBytes(1, index);
                try (ResultSet r = s.executeQuery()) {
                    return r.next();
                }
            }
        });
    }

    @Override
    public Counters record(CheckInRecord record) {
        Objects.requireNonNull(record, "record");
        byte[] index = voterIndex.of(record.iin().digits());
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO checkin (voter_index, method, override_reason, clerk) VALUES (?, ?, ?, ?)")) {
                s.setBytes(1, index);
                s.setString(2, record.method().name());
                s.setString(3, record.overrideReason().map(Enum::name).orElse(null));
                s.setString(4, record.clerk().map(ClerkId::value).orElse(null));
                s.executeUpdate();
            } catch (SQLException e) {
                if (e.getErrorCode() == SQLITE_CONSTRAINT
                        || (e.getMessage() != null && e.getMessage().contains("SQLITE_CONSTRAINT"))) {
                    throw new AlreadyCheckedInException();
                }
                throw e;
            }
            increment(c, "check_ins");
            if (record.method() == CheckInMethod.CLERK_OVERRIDE) {
                increment(c, "overrides");
            } else if (record.method() == CheckInMethod.CARDLESS_FINGERPRINT) {
                increment(c, "cardless");
            } else if (record.method() == CheckInMethod.FALLBACK) {
                increment(c, "fallback");
            }
            appendAudit(c, CheckInAuditEvent.CHECKED_IN,
                    record.method().name() + record.overrideReason().map(r -> ":" + r.name()).orElse(""),
                    record.clerk());
            return readCounters(c);
        });
    }

    @Override
    public Counters recordVoidedToken(Optional<ClerkId> clerk) {
        return database.inTransaction(c -> {
            increment(c, "voided_tokens");
            appendAudit(c, CheckInAuditEvent.TOKEN_VOIDED, "", clerk);
            return readCounters(c);
        });
    }

    @Override
    public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        database.inTransaction(c -> {
            appendAudit(c, event, detail, clerk);
            return null;
        });
    }

    @Override
    public Counters counters() {
        return database.read(SqliteCheckInLedger::readCounters);
    }

    /** Number of audit events of a kind (for reconciliation and tests). */
    public long auditCount(CheckInAuditEvent event) {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM checkin_audit WHERE event = ?")) {
                s.setString(1, event.name());
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? r.getLong(1) : 0L;
                }
            }
        });
    }

    /** Number of check-in rows (for reconciliation and tests). */
    public long rowCount() {
        return database.read(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM checkin");
                 ResultSet r = s.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    private static void increment(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE checkin_counter SET value = value + 1 WHERE name = ?")) {
            s.setString(1, name);
            if (s.executeUpdate() != 1) {
                throw new SQLException("missing counter " + name);
            }
        }
    }

    private void appendAudit(Connection c, CheckInAuditEvent event, String detail, Optional<ClerkId> clerk)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO checkin_audit (event, detail, clerk, at) VALUES (?, ?, ?, ?)")) {
            s.setString(1, event.name());
            s.setString(2, detail);
            s.setString(3, clerk.map(ClerkId::value).orElse(null));
            s.setString(4, clock.instant().toString());
            s.executeUpdate();
        }
    }

    private static Counters readCounters(Connection c) throws SQLException {
        long checkIns = 0;
        long overrides = 0;
        long cardless = 0;
        long fallback = 0;
        long voided = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT name, value FROM checkin_counter");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long v = r.getLong(2);
                switch (r.getString(1)) {
                    case "check_ins" -> checkIns = v;
                    case "overrides" -> overrides = v;
                    case "cardless" -> cardless = v;
                    case "fallback" -> fallback = v;
                    case "voided_tokens" -> voided = v;
                    default -> { }
                }
            }
        }
        return new Counters(checkIns, overrides, cardless, fallback, voided);
    }
}
