package kz.sailau.kiosk.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import kz.sailau.kiosk.store.KioskDatabase;

/**
 * Deletes every template and every piece of personal data after the day is closed: the register's voters
 * and fingers and the marked register (check-in rows; its only copy is then the backup encrypted to the
 * authority), in one transaction that also moves the day to {@link ElectionDay.Phase#WIPED}, appends a
 * {@link AuditEventType#WIPE_DONE} entry with the counts deleted and signs the chain head. Then the file is
 * vacuumed and the WAL truncated ({@link KioskDatabase#compact}); {@code secure_delete} is on for the kiosk
 * database, so deleted content is overwritten.
 */
public final class BiometricWipe {

    private BiometricWipe() {
    }

    /**
     * What was deleted.
     *
     * @param voters    voter rows
     * @param templates template rows
     * @param checkIns  check-in rows
     */
    public record Wiped(long voters, long templates, long checkIns) {
    }

    /**
     * Wipes.
     *
     * @param recorder a recorder with the kiosk key (the wipe record is signed)
     * @throws WipeRefusedException {@code audit.error.dayNotClosed} when the day is still open;
     *                              {@code audit.error.alreadyWiped} when it was wiped already
     */
    public static Wiped wipe(KioskDatabase database, AuditRecorder recorder, Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(recorder, "recorder");
        if (!recorder.canSign()) {
            throw new IllegalArgumentException("the wipe record must be signed: give a recorder with the kiosk key");
        }
        Instant now = clock.instant();
        Wiped wiped = database.inTransaction(c -> {
            ElectionDay.Phase phase = ElectionDay.phase(c);
            if (phase == ElectionDay.Phase.OPEN) {
                throw new WipeRefusedException("audit.error.dayNotClosed",
                        "the election day is not closed; close it (day close) before the wipe");
            }
            if (phase == ElectionDay.Phase.WIPED) {
                throw new WipeRefusedException("audit.error.alreadyWiped", "the kiosk was wiped already");
            }
            long templates = delete(c, "voter_finger");
            long voters = delete(c, "voter");
            long checkIns = delete(c, "checkin");
            // The special list's document numbers and the redirection table's key go with the register.
            deleteIfPresent(c, "special_list_entry");
            deleteIfPresent(c, "redirect_table");
            ElectionDay.enter(c, ElectionDay.Phase.WIPED, now);
            recorder.append(c, now, AuditEvent.of(AuditEventType.WIPE_DONE,
                    AuditField.count("voters", voters), AuditField.count("templates", templates),
                    AuditField.count("checkIns", checkIns)));
            recorder.signHead(c, now);
            return new Wiped(voters, templates, checkIns);
        });
        database.compact();
        return wiped;
    }

    private static long delete(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM " + table);
        }
    }

    private static void deleteIfPresent(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            exists.setString(1, table);
            try (ResultSet row = exists.executeQuery()) {
                if (row.next()) {
                    delete(connection, table);
                }
            }
        }
    }

    /** The wipe is not allowed now; carries a message key. */
    public static final class WipeRefusedException extends RuntimeException {

        private final String messageKey;

        /** @param messageKey resource-bundle key; @param technicalMessage for the console and the log */
        public WipeRefusedException(String messageKey, String technicalMessage) {
            super(technicalMessage);
            this.messageKey = messageKey;
        }

        /** Resource-bundle key. */
        public String messageKey() {
            return messageKey;
        }
    }
}
