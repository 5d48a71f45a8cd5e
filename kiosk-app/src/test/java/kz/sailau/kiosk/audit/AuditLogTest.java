package kz.sailau.kiosk.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final Instant T = Instant.parse("2026-12-06T08:00:00Z");

    private enum Reason { DOCUMENT_CHECKED }

    @TempDir
    Path directory;

    @Test
    void appendsAChainThatVerifiesAndSurvivesReopening() {
        Path file = directory.resolve("kiosk.db");
        try (KioskDatabase db = KioskDatabase.open(file, AuditLog.MIGRATIONS)) {
            db.inTransaction(c -> AuditLog.append(c, T, AuditEvent.of(AuditEventType.KIOSK_STARTED,
                    AuditField.version("software", "0.1.0-SNAPSHOT"))));
            db.inTransaction(c -> AuditLog.append(c, T.plusSeconds(60), AuditEvent.of(
                    AuditEventType.CHECK_IN_BY_OVERRIDE, AuditField.code("reason", Reason.DOCUMENT_CHECKED))));
        }
        try (KioskDatabase db = KioskDatabase.open(file, AuditLog.MIGRATIONS)) {
            List<AuditEntry> entries = db.read(AuditLog::readAll);
            assertEquals(2, entries.size());
            assertEquals("DOCUMENT_CHECKED", entries.get(1).event().field("reason"));
            assertTrue(AuditChain.verify(entries).intact());
            assertEquals(entries.get(1), db.read(AuditLog::head).orElseThrow());
        }
    }

    @Test
    void entryRolledBackWithItsActionLeavesNoTrace() {
        try (KioskDatabase db = KioskDatabase.open(directory.resolve("kiosk.db"), AuditLog.MIGRATIONS)) {
            assertThrows(IllegalStateException.class, () -> db.inTransaction(c -> {
                AuditLog.append(c, T, AuditEvent.of(AuditEventType.CHECK_IN_BY_FINGERPRINT));
                throw new IllegalStateException("the check-in failed");
            }));
            assertTrue(db.read(AuditLog::readAll).isEmpty());
        }
    }

    @Test
    void databaseRefusesToChangeOrDeleteEntries() {
        try (KioskDatabase db = KioskDatabase.open(directory.resolve("kiosk.db"), AuditLog.MIGRATIONS)) {
            db.inTransaction(c -> AuditLog.append(c, T, AuditEvent.of(AuditEventType.KIOSK_STARTED)));
            assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE audit_log SET type = 'WIPE_DONE'");
                }
            }));
            assertThrows(StoreException.class, () -> db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("DELETE FROM audit_log");
                }
            }));
            assertFalse(db.read(AuditLog::readAll).isEmpty());
        }
    }
}
