package kz.sailau.kiosk.app;

import kz.sailau.kiosk.app.demo.DemoKiosk;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.checkin.ClerkAuthenticator;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.ui.AdministratorActions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The production wiring accepts only clerks of the store's roster: never the DEMO clerk {@code clerk1} (neither
 * with the old DEMO PIN 1234 nor the current DEMO PIN), the start checks refuse an empty roster, and the
 * administrator screen keeps the voter screens closed until a clerk is added.
 */
class ProductionClerksTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T08:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void productionRejectsTheDemoClerkAndOpensOnlyWithAProvisionedOne() throws Exception {
        Path data = dir.resolve("kiosk");
        RegisterFixtures.initKiosk(data, RegisterFixtures.PRECINCT);
        KioskConfiguration defaults = KioskConfiguration.defaults();
        KioskConfiguration configuration = new KioskConfiguration(data, RegisterFixtures.ELECTION.value(),
                RegisterFixtures.PRECINCT.number(), defaults.electionDay(), defaults.scanner(), defaults.mrzReader(),
                defaults.printer(), defaults.matchThreshold(), defaults.maxFingerTries(), defaults.overrideCapPercent(),
                defaults.overrideWarnPercent(), defaults.idleTimeoutSeconds(), true);
        CliEnvironment environment = new CliEnvironment(CLOCK, new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(KioskPreflight.problems(configuration, environment).contains(ClerkWiring.NO_ACTIVE_CLERK),
                "no database yet: no clerk");

        KioskDataDirectory directory = KioskDataDirectory.at(data);
        KioskCredentials credentials = directory.unlock(RegisterFixtures.PASSPHRASE.clone());
        try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
            ClerkAuthenticator clerks = ClerkWiring.authenticator(database, credentials, new SecureRandom(), CLOCK);
            assertFalse(clerks.authenticate(new ClerkId("clerk1"), "1234".toCharArray()));
            assertFalse(clerks.authenticate(DemoKiosk.CLERK, DemoKiosk.CLERK_PIN.toCharArray()));
            KioskAdministration administration = new KioskAdministration(directory, database, configuration,
                    "sourceafis-test", data.resolve("kiosk.crt.pem"), CLOCK,
                    new SecureRandom(), () -> { });
            administration.unlock(RegisterFixtures.PASSPHRASE.clone());
            assertEquals("admin.error.noClerks", administration.voterScreensBlocked().orElseThrow());
        }
        assertTrue(KioskPreflight.problems(configuration, environment).contains(ClerkWiring.NO_ACTIVE_CLERK),
                "empty roster: refused");

        try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
            KioskAdministration administration = new KioskAdministration(directory, database, configuration,
                    "sourceafis-test", data.resolve("kiosk.crt.pem"), CLOCK,
                    new SecureRandom(), () -> { });
            administration.unlock(RegisterFixtures.PASSPHRASE.clone());
            AdministratorActions.AdministratorException weak = org.junit.jupiter.api.Assertions.assertThrows(
                    AdministratorActions.AdministratorException.class,
                    () -> administration.clerkRoster().orElseThrow().addClerk("clerk1", "1234".toCharArray()));
            assertEquals("clerk.error.pinTooShort", weak.messageKey(), "the old DEMO PIN cannot even be set");
            administration.clerkRoster().orElseThrow().addClerk("C01", "907311".toCharArray());
            assertTrue(administration.voterScreensBlocked().isEmpty());
            assertEquals(List.of("C01"), administration.clerkRoster().orElseThrow().clerks().stream().map(e -> e.login().value()).toList());

            ClerkAuthenticator clerks = ClerkWiring.authenticator(database, credentials, new SecureRandom(), CLOCK);
            assertTrue(clerks.authenticate(new ClerkId("C01"), "907311".toCharArray()));
            assertFalse(clerks.authenticate(new ClerkId("clerk1"), "1234".toCharArray()));
            assertFalse(clerks.authenticate(DemoKiosk.CLERK, DemoKiosk.CLERK_PIN.toCharArray()));
        }
        assertFalse(KioskPreflight.problems(configuration, environment).contains(ClerkWiring.NO_ACTIVE_CLERK),
                "a provisioned clerk satisfies the start check");
    }
}
