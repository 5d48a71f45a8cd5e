package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.ui.AdministratorActions.AdministratorException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's unlock checks the database against its signed audit log with the key it has just unsealed,
 * not with {@code DATA/kiosk.csr.pem}: an insider who edited the database and replaced that file with a key of their
 * own cannot unlock the kiosk (so no voter screen opens over the edited tables), and the refusal writes nothing.
 */
class UnlockIntegrityTest {

    @TempDir
    Path dir;

    @Test
    void anEditedDatabaseIsNotUnlockedWhateverKeyTheDirectoryNames() throws Exception {
        Path data = dir.resolve("kiosk");
        RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        KioskDataDirectory directory = KioskDataDirectory.at(data);
        try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
            KioskAdministration administration = administration(directory, database, data);
            administration.unlock(RegisterFixtures.PASSPHRASE.clone());
            administration.clerkRoster().orElseThrow().addClerk("C01", "907311".toCharArray());
        }
        try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
            administration(directory, database, data).unlock(RegisterFixtures.PASSPHRASE.clone());
        }

        // The insider: a ballot token added by hand, and the directory's request replaced by a key of their own.
        sql(data, "INSERT INTO issued_token (id, voided) VALUES (randomblob(16), 0)");
        Files.write(data.resolve(KioskCredentials.REQUEST_FILE),
                KioskCredentials.generate(new SecureRandom()).certificationRequest(RegisterFixtures.PRECINCT));
        long entries = count(data, "SELECT count(*) FROM audit_log");
        try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
            KioskAdministration administration = administration(directory, database, data);
            AdministratorException refused = assertThrows(AdministratorException.class,
                    () -> administration.unlock(RegisterFixtures.PASSPHRASE.clone()));
            assertEquals("audit.error.stateMismatch", refused.messageKey());
            assertTrue(refused.getMessage().startsWith(KioskAdministration.INTEGRITY), refused.getMessage());
            assertTrue(administration.credentials().isEmpty(), "still locked");
        }
        assertEquals(entries, count(data, "SELECT count(*) FROM audit_log"), "the refusal wrote nothing");
    }

    private static KioskAdministration administration(KioskDataDirectory directory, KioskDatabase database,
                                                      Path data) {
        KioskConfiguration defaults = KioskConfiguration.defaults();
        KioskConfiguration configuration = new KioskConfiguration(data, RegisterFixtures.ELECTION.value(),
                RegisterFixtures.PRECINCT.number(), defaults.electionDay(), defaults.scanner(), defaults.mrzReader(),
                defaults.printer(), defaults.matchThreshold(), defaults.maxFingerTries(), defaults.overrideCapPercent(),
                defaults.overrideWarnPercent(), defaults.idleTimeoutSeconds(), true);
        return new KioskAdministration(directory, database, configuration, "sourceafis-test",
                data.resolve("kiosk.crt.pem"), ProductionClerksTest.CLOCK, new SecureRandom(), () -> { });
    }

    private static void sql(Path data, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(KioskDataDirectory.DATABASE_FILE));
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static long count(Path data, String query) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve(KioskDataDirectory.DATABASE_FILE));
             Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            return row.next() ? row.getLong(1) : -1;
        }
    }
}
