package kz.sailau.kiosk.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import kz.sailau.kiosk.app.assembly.ElectionDayKiosk;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.ui.AdministratorActions;

/**
 * {@code start --ready-check}: everything the election-day start does before the first voter, without the
 * window and without serial I/O: open the database (recording {@code KIOSK_STARTED}), unlock the kiosk keys
 * with the administrator's passphrase (recording {@code STORE_UNLOCKED}), wire the check-in engine over the
 * register, and prepare the 1:N fingerprint gallery; on a precinct network, unseal the node key with the same
 * passphrase (the node is not started: the check joins no network and binds no port). Prints the time of each step, the time since the JVM
 * started, and the heap in use, so that an administrator can check a kiosk before election day and the cold
 * start benchmark can measure the same path. A check that fails leaves no file behind: the kiosk's own token key,
 * created at the first start once the precinct token key from the authority has been checked, is removed again when
 * the check fails after it. The start's warm-up ({@link StartWarmUp}) runs on the idle core until the
 * unlock; from there the gallery is prepared on its own thread while the engine is wired, as in the election-day
 * start.
 */
final class ReadyCheck {

    private static final double MIB = 1024.0 * 1024.0;

    private ReadyCheck() {
    }

    /**
     * Runs the check; 0 when the kiosk is ready for the first voter. The passphrase array is cleared.
     *
     * @param promptAt when the passphrase was asked for, in milliseconds since the JVM started (reported, so that the
     *                 time the kiosk takes before and after the administrator types can be told apart)
     * @param warmUp the start's warm-up, stopped at the unlock, when the gallery preparation begins
     */
    static int run(KioskConfiguration configuration, CliEnvironment environment, long promptAt, char[] passphrase,
                   StartWarmUp warmUp) {
        // A check that fails leaves nothing behind: a token key this run created (at the first start) goes again.
        boolean hadTokenKey = ProductionWindows.hasTokenKey(configuration.dataDirectory());
        boolean ready = false;
        try {
            ready = check(configuration, environment, promptAt, passphrase, warmUp) == 0;
            return ready ? 0 : 1;
        } finally {
            if (!ready && !hadTokenKey) {
                ProductionWindows.removeTokenKey(configuration.dataDirectory());
            }
        }
    }

    private static int check(KioskConfiguration configuration, CliEnvironment environment, long promptAt,
                             char[] passphrase, StartWarmUp warmUp) {
        long t0 = System.nanoTime();
        long passphraseIn = ManagementFactory.getRuntimeMXBean().getUptime();
        KioskDataDirectory directory = KioskDataDirectory.at(configuration.dataDirectory());
        FingerMatcher matcher = environment.matcher().get();
        try (KioskDatabase database = environment.openDatabase(directory)) {
            KioskAdministration.recordStarted(database, Optional.empty(), environment.clock(),
                    configuration.electionDay());
            KioskAdministration administration = new KioskAdministration(directory, database, configuration,
                    matcher.extractorVersion(),
                    configuration.dataDirectory().resolve(ProductionWindows.KIOSK_CERTIFICATE_FILE),
                    environment.clock(), environment.random(), () -> { });
            long t1 = System.nanoTime();
            try {
                administration.unlock(passphrase);
            } catch (AdministratorActions.AdministratorException e) {
                String message = String.valueOf(e.getMessage());
                boolean node = message.startsWith(KioskAdministration.NODE_KEY);
                String detail = node ? message.substring(KioskAdministration.NODE_KEY.length()) : message;
                // The technical message names the file that failed (a pipe or a folder in a key's place, session
                // H67); it never holds personal data.
                environment.err().println("not ready: " + (node ? "the precinct node key" : "the store")
                        + " cannot be unlocked [" + e.messageKey() + "]: " + detail.strip().replace('\n', ' '));
                return 1;
            } finally {
                Arrays.fill(passphrase, '\0');
            }
            long t2 = System.nanoTime();
            // From the unlock the gallery decodes on both cores while the engine is wired (decision 0280): the
            // warm-up, done with, gives its core up.
            warmUp.stop();
            int warmedTemplates = warmUp.templatesDone();
            int warmedFields = warmUp.fieldsDone();
            RegisterVoterDirectory register = ElectionDayAssembly.register(database,
                    administration.credentials().orElseThrow(), matcher, environment.random());
            register.prepareGalleryAhead(ProductionWindows.GALLERY_PREPARATION);
            long t3;
            long engineReady;
            long t4;
            long galleryReady;
            int voters;
            try (ElectionDayKiosk electionDay = ProductionWindows.electionDay(configuration, environment, database,
                    administration.credentials().orElseThrow(), matcher, Optional.empty(), Optional.empty(),
                    register)) {
                t3 = System.nanoTime();
                engineReady = ManagementFactory.getRuntimeMXBean().getUptime();
                voters = electionDay.engine().prepareGallery();
                t4 = System.nanoTime();
                galleryReady = ManagementFactory.getRuntimeMXBean().getUptime();
            } catch (ConfigurationException e) {
                environment.err().println("not ready: " + String.join("; ", e.problems()) + " ["
                        + PrecinctTokenKeys.MESSAGE_KEY + "]");
                return 1;
            }
            environment.out().printf(Locale.ROOT,
                    "ready: %d voters in the 1:N gallery; open %d ms, unlock %d ms, engine %d ms, gallery %d ms; "
                            + "engine ready %d ms and gallery ready %d ms since the JVM started "
                            + "(passphrase asked at %d ms, in at %d ms; warm-up %d templates and %d fields)%n",
                    voters, millis(t1 - t0), millis(t2 - t1), millis(t3 - t2), millis(t4 - t3), engineReady,
                    galleryReady, promptAt, passphraseIn, warmedTemplates, warmedFields);
            long peak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    peak += pool.getPeakUsage().getUsed();
                }
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            environment.out().printf(Locale.ROOT,
                    "heap: %.1f MiB in use after GC, peak %.1f MiB, maximum %.1f MiB%n",
                    memory.getHeapMemoryUsage().getUsed() / MIB, peak / MIB,
                    memory.getHeapMemoryUsage().getMax() / MIB);
            return 0;
        }
    }

    private static long millis(long nanos) {
        return nanos / 1_000_000;
    }
}
