package kz.sailau.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.precinct.ListeningSockets;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.app.assembly.EmulatedDevices;
import kz.sailau.kiosk.app.assembly.SerialDevices;
import kz.sailau.kiosk.app.demo.DemoData;
import kz.sailau.kiosk.app.demo.DemoKiosk;
import kz.sailau.kiosk.biometric.SourceAfisMatcher;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.runner.KioskDevices;
import kz.sailau.kiosk.store.KioskDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start}, {@code demo} and {@code simulate} assemble the same election day: each entry point's own wiring
 * path is taken over the same demo store (for {@code start}, with its configured ports pointing at emulators), and
 * what each built is compared: the check-in policy, the register, the ledger and its audit recorder signing chain
 * heads, the clerk roster, the token issuer and the device drivers. ({@code LayeringTest} checks that nothing but
 * the assembly constructs a check-in engine.)
 */
class OneElectionDayAssemblyIT {

    @TempDir
    Path dir;

    @Test
    void demoSimulateAndStartAssembleTheSameElectionDay() throws Exception {
        CliEnvironment environment = new CliEnvironment(Clock.systemUTC(), new SecureRandom(), Main.migrations(),
                SourceAfisMatcher::new, new PrintStream(OutputStream.nullOutputStream()), System.err);
        DemoData data = DemoData.create(dir.resolve("demo-data"), environment,
                new PrintStream(OutputStream.nullOutputStream()));

        ElectionDayKiosk.Description demo;
        try (DemoKiosk kiosk = DemoKiosk.forDemo(data, environment, true)) {
            demo = kiosk.electionDay().describe();
        }
        ElectionDayKiosk.Description simulate;
        try (DemoKiosk kiosk = DemoKiosk.forSimulate(data, environment)) {
            simulate = kiosk.electionDay().describe();
        }
        ElectionDayKiosk.Description start;
        List<String> listeningBefore = ListeningSockets.of(ProcessHandle.current().pid());
        try (EmulatedDevices ports = EmulatedDevices.start(dir.resolve("ports"), KioskConfiguration.defaults(), false)) {
            KioskConfiguration configuration = production(data.kioskDirectory(), ports.directory());
            KioskDataDirectory directory = KioskDataDirectory.at(configuration.dataDirectory());
            KioskCredentials credentials = directory.unlock(DemoData.PASSPHRASE.toCharArray());
            try (KioskDatabase database = KioskDatabase.open(directory.databaseFile(), Main.migrations())) {
                // As start does: the register's gallery is prepared on its own thread while the rest is wired.
                RegisterVoterDirectory register = ElectionDayAssembly.register(database, credentials,
                        environment.matcher().get(), environment.random());
                register.prepareGalleryAhead(ProductionWindows.GALLERY_PREPARATION);
                try (KioskDevices devices = SerialDevices.open(configuration, environment.clock());
                     ElectionDayKiosk kiosk = ProductionWindows.electionDay(configuration, environment, database,
                             credentials, environment.matcher().get(), Optional.of(devices), Optional.empty(),
                             register)) {
                    start = kiosk.describe();
                    assertEquals(register.gallery().size(), kiosk.engine().prepareGallery(),
                            "the engine searches the gallery prepared ahead");
                    assertTrue(register.gallery().size() > 0, "the demo register has enrolled voters");
                    assertEquals(List.of(), PrecinctKiosk.problems(configuration, Optional.empty()),
                            "a kiosk.json without precinctNetwork has no node to check");
                    assertEquals(listeningBefore, ListeningSockets.of(ProcessHandle.current().pid()),
                            "a standalone kiosk opens no listening port");
                }
            }
        }

        assertEquals(demo, simulate, "demo and simulate differ only in the scanner's upload speed");
        assertEquals(demo, start, "demo and start differ only in which devices and which data");
        assertEquals("RegisterVoterDirectory", start.directory());
        assertEquals("SqliteCheckInLedger", start.ledger());
        assertFalse(start.precinctNetwork(), "standalone is the default: no precinct network");
        assertTrue(start.signedHeads(), "every entry point's audit recorder signs chain heads with the kiosk key");
        assertEquals("RosterClerkAuthenticator", start.clerks());
        assertEquals("KioskTokenIssuer", start.tokens());
        assertEquals(Optional.of("SerialFingerprintScanner"), start.scanner());
        assertEquals(Optional.of("SerialReceiptPrinter"), start.printer());
    }

    /** The default configuration with the demo's data directory and ports where the emulators are. */
    private static KioskConfiguration production(Path data, Path ports) {
        KioskConfiguration d = KioskConfiguration.defaults();
        return new KioskConfiguration(data, d.election(), d.precinct(), d.electionDay(),
                new KioskConfiguration.SerialPortSetting(ports.resolve("scanner").toString(), d.scanner().baud()),
                new KioskConfiguration.SerialPortSetting(ports.resolve("mrz-reader").toString(), d.mrzReader().baud()),
                new KioskConfiguration.SerialPortSetting(ports.resolve("printer").toString(), d.printer().baud()),
                d.matchThreshold(), d.maxFingerTries(), d.overrideCapPercent(), d.overrideWarnPercent(),
                d.idleTimeoutSeconds(), true, d.removableMedia(), d.tokenScreenSeconds());
    }
}
