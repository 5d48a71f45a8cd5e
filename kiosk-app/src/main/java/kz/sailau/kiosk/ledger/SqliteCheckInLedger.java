package kz.sailau.kiosk.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import kz.sailau.kiosk.audit.AuditEvent;
import kz.sailau.kiosk.audit.AuditEventType;
import kz.sailau.kiosk.audit.AuditLog;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.CheckInAuditMapping;
import kz.sailau.kiosk.audit.ElectionDay;
import kz.sailau.kiosk.checkin.AlreadyCheckedInException;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.DayClosedException;
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
 * checkin_audit   (unused since the hash-chained audit_log took its events; kept: migrations are never edited)
 * </pre>
 * Audit events go to the hash-chained {@link AuditLog} ({@code audit_log}) through an {@link AuditRecorder},
 * mapped to the catalogue by {@link CheckInAuditMapping}, in the same transaction as the check-in. Once the
 * election day is closed ({@link ElectionDay}) the database refuses the check-in row and {@link #record}
 * throws {@link DayClosedException}.
 */
public final class SqliteCheckInLedger implements CheckInLedger {

    /**
     * The migrations of this ledger and of the audit log it writes ({@code checkin-1}, {@code audit-1},
     * {@code audit-2}), to be listed after the register's when opening the database.
     */
    public static final List<Migration> MIGRATIONS = withAudit(new Migration("checkin-1",
            "check-ins keyed by the IIN blind index, counters and interim audit events", List.of(
            "CREATE TABLE checkin (voter_index BLOB NOT NULL PRIMARY KEY CHECK (length(voter_index) = 32), "
                    + "method TEXT NOT NULL, override_reason TEXT, clerk TEXT) WITHOUT ROWID",
            "CREATE TABLE checkin_counter (name TEXT NOT NULL PRIMARY KEY, value INTEGER NOT NULL "
                    + "CHECK (value >= 0)) WITHOUT ROWID",
            "INSERT INTO checkin_counter (name, value) VALUES ('check_ins', 0), ('overrides', 0), ('cardless', 0), "
                    + "('fallback', 0), ('voided_tokens', 0)",
            "CREATE TABLE checkin_audit (seq INTEGER PRIMARY KEY, event TEXT NOT NULL, detail TEXT NOT NULL, "
                    + "clerk TEXT, at TEXT NOT NULL)")));

    private static List<Migration> withAudit(Migration checkIn) {
        List<Migration> all = new ArrayList<>();
        all.add(checkIn);
        all.addAll(AuditLog.MIGRATIONS);
        all.addAll(ElectionDay.MIGRATIONS);
        return List.copyOf(all);
    }

    private static final int SQLITE_CONSTRAINT = 19;

    private final KioskDatabase database;
    private final BlindIndex voterIndex;
    private final Clock clock;
    private final AuditRecorder audit;

    /**
     * A ledger whose audit entries are hash-chained but whose chain head is not signed (no kiosk key).
     *
     * @param database   the kiosk database, opened with {@link #MIGRATIONS} applied
     * @param voterIndex the keyed blind index for IINs (domain {@code iin})
     * @param clock      time stamps of audit events
     */
    public SqliteCheckInLedger(KioskDatabase database, BlindIndex voterIndex, Clock clock) {
        this(database, voterIndex, clock, AuditRecorder.unsigned());
    }

    /**
     * @param database   the kiosk database, opened with {@link #MIGRATIONS} applied
     * @param voterIndex the keyed blind index for IINs (domain {@code iin})
     * @param clock      time stamps of audit events
     * @param audit      appends the audit events and signs the chain head at intervals with the kiosk key
     */
    public SqliteCheckInLedger(KioskDatabase database, BlindIndex voterIndex, Clock clock, AuditRecorder audit) {
        this.database = Objects.requireNonNull(database, "database");
        this.voterIndex = Objects.requireNonNull(voterIndex, "voterIndex");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.audit = Objects.requireNonNull(audit, "audit");
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
                if (e.getMessage() != null && e.getMessage().contains(ElectionDay.CLOSED_MESSAGE)) {
                    throw new DayClosedException();
                }
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
            audit.append(c, clock.instant(), CheckInAuditMapping.checkIn(record));
            return readCounters(c);
        });
    }

    @Override
    public Counters recordVoidedToken(Optional<ClerkId> clerk) {
        return database.inTransaction(c -> {
            increment(c, "voided_tokens");
            audit.append(c, clock.instant(), CheckInAuditMapping.tokenVoided(clerk));
            return readCounters(c);
        });
    }

    @Override
    public void audit(CheckInAuditEvent event, String detail, Optional<ClerkId> clerk) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(detail, "detail");
        database.inTransaction(c -> {
            audit.append(c, clock.instant(), CheckInAuditMapping.of(event, detail, clerk));
            return null;
        });
    }

    @Override
    public Counters counters() {
        return database.read(SqliteCheckInLedger::readCounters);
    }

    /**
     * Number of audit-log entries recording events of a kind (for reconciliation and tests); for
     * {@link CheckInAuditEvent#CHECKED_IN} the check-ins of every method.
     */
    public long auditCount(CheckInAuditEvent event) {
        Objects.requireNonNull(event, "event");
        List<AuditEventType> types = event == CheckInAuditEvent.CHECKED_IN
                ? List.of(AuditEventType.CHECK_IN_BY_FINGERPRINT, AuditEventType.CHECK_IN_BY_OVERRIDE,
                        AuditEventType.CHECK_IN_IN_FALLBACK)
                : List.of(CheckInAuditMapping.of(event, "", Optional.empty()).type());
        return database.read(c -> {
            long count = 0;
            for (AuditEvent entry : AuditLog.readAll(c).stream().map(e -> e.event()).toList()) {
                count += types.contains(entry.type()) ? 1 : 0;
            }
            return count;
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
