package kz.sailau.kiosk.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import kz.sailau.kiosk.audit.ElectionDayRecord;
import kz.sailau.kiosk.audit.RegisterLoadAudit;
import kz.sailau.kiosk.audit.StateAnchor;
import kz.sailau.kiosk.crypto.KioskCryptoException;
import kz.sailau.kiosk.crypto.MachineFiles;
import kz.sailau.kiosk.crypto.Pem;
import kz.sailau.kiosk.clerk.ClerkRoster;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.crypto.KioskSignatures;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.PrecinctTokenKey;
import kz.sailau.kiosk.precinct.PrecinctNodeSettings;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.LoadedRegister;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.StoreException;

/**
 * The checks before a production start, each problem one sentence naming what to fix: the data directory
 * is an initialised kiosk of the configured precinct, a register of the configured election and precinct is
 * loaded, the clerk roster has at least one active clerk, the database agrees with the state anchored in its signed
 * audit log, the configuration's election day is the one the log's voters were judged on (decision 0490), a
 * package built for several kiosks is opened only by a node of the precinct network (decision 0492), every
 * configured serial port exists, and what the close of the day will need is in place: the kiosk
 * certificate {@code DATA/kiosk.crt.pem}, issued by the pinned authority for this kiosk's own key (closing the day
 * signs the bundle with it, and would otherwise fail only at the close of polls); on a precinct network, the
 * node directory ({@link PrecinctKiosk#problems}: settings, listen address, key and certificates, precinct).
 */
final class KioskPreflight {

    private KioskPreflight() {
    }

    /** Everything that prevents a start; empty when the kiosk can start. */
    static List<String> problems(KioskConfiguration configuration, CliEnvironment environment) {
        List<String> problems = new ArrayList<>();
        Path data = configuration.dataDirectory();
        KioskDataDirectory directory = KioskDataDirectory.at(data);
        KioskDataDirectory.KioskProfile profile;
        try {
            profile = directory.profile();
        } catch (IOException | RuntimeException e) {
            problems.add("dataDirectory: " + data + " is not an initialised kiosk data directory (run 'kiosk init')");
            problems.addAll(PrecinctKiosk.problems(configuration, Optional.empty()));
            checkPorts(configuration, problems);
            return problems;
        }
        if (profile.precinct().number() != configuration.precinct()) {
            problems.add("precinct: kiosk.json says " + configuration.precinct() + " but the kiosk was initialised for "
                    + profile.precinct().number());
        }
        checkKioskCertificate(directory, data, problems);
        problems.addAll(PrecinctKiosk.problems(configuration, pinnedAuthority(directory)));
        Path tokenKey = data.resolve(PrecinctTokenKey.KIOSK_FILE);
        if (!Files.isRegularFile(tokenKey)) {
            problems.add("precinctTokenKey: " + (Files.exists(tokenKey, LinkOption.NOFOLLOW_LINKS)
                    ? PrecinctTokenKey.KIOSK_FILE + " in " + data + " is not a regular file"
                    : "no " + PrecinctTokenKey.KIOSK_FILE + " in " + data) + " (ask the authority: 'authority token-key')");
        }
        if (!Files.isRegularFile(directory.databaseFile())) {
            problems.add("register: no register loaded in " + data + " (run 'register load')");
            problems.add(ClerkWiring.NO_ACTIVE_CLERK);
        } else {
            try (KioskDatabase database = environment.openExistingDatabase(directory)) {
                Optional<LoadedRegister> loaded = database.read(RegisterStore::current);
                if (loaded.isEmpty()) {
                    problems.add("register: no register loaded in " + data + " (run 'register load')");
                } else if (!loaded.get().election().value().equals(configuration.election())
                        || loaded.get().precinct().number() != configuration.precinct()) {
                    problems.add("register: the loaded register is for election " + loaded.get().election().value()
                            + ", precinct " + loaded.get().precinct().number() + ", not " + configuration.election()
                            + ", precinct " + configuration.precinct());
                }
                ElectionDayRecord.startProblem(database.read(ElectionDayRecord::of), configuration.electionDay())
                        .ifPresent(problems::add);
                int kiosks = database.read(RegisterLoadAudit::kiosksOfTheLoadedRegister);
                if (kiosks > 1 && configuration.precinctNode().isEmpty()) {
                    problems.add("register: the loaded package was built for " + kiosks + " kiosks of the precinct, "
                            + "which check voters in as one precinct network; started alone, this kiosk would let "
                            + "a voter check in here and again at another of them: set precinctNetwork in "
                            + "kiosk.json, or load a package built for this kiosk alone "
                            + "[register.error.precinctPackageStandalone]");
                }
                OptionalInt members = PrecinctKiosk.votingMembers(configuration);
                if (kiosks > 1 && members.isPresent() && members.getAsInt() < kiosks) {
                    problems.add("register: the loaded package was built for " + kiosks + " kiosks of the precinct, "
                            + "but " + configuration.precinctNode().orElseThrow().resolve(PrecinctNodeSettings.FILE)
                            + " lists " + members.getAsInt() + " voting member(s): a network this kiosk is the "
                            + "majority of alone keeps a check-in ledger of its own, and a voter would check in here "
                            + "and again at another of them; list the precinct's members as on every machine "
                            + "[register.error.precinctNetworkTooSmall]");
                }
                if (database.read(ClerkRoster::activeClerks) == 0) {
                    problems.add(ClerkWiring.NO_ACTIVE_CLERK);
                }
                stateProblem(directory, database).ifPresent(problems::add);
            } catch (StoreException e) {
                problems.add("register: the kiosk database cannot be read [" + e.messageKey() + "]");
            }
        }
        checkPorts(configuration, problems);
        return problems;
    }

    private static Optional<X509Certificate> pinnedAuthority(KioskDataDirectory directory) {
        try {
            return Optional.of(directory.pinnedAuthority());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void checkKioskCertificate(KioskDataDirectory directory, Path data, List<String> problems) {
        Path file = data.resolve(ProductionWindows.KIOSK_CERTIFICATE_FILE);
        if (!Files.isRegularFile(file)) {
            problems.add("kioskCertificate: " + file + (Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                    ? " is not a regular file" : " is missing") + ": copy there the certificate that 'authority "
                    + "certify-kiosk' made for this kiosk (closing the day signs the bundle with it)");
            return;
        }
        try {
            X509Certificate certificate = Pem.readCertificate(MachineFiles.read(file));
            KioskSignatures.checkIssuedBy(certificate, directory.pinnedAuthority());
            Path request = data.resolve(KioskCredentials.REQUEST_FILE);
            if (Files.isRegularFile(request)) {
                PublicKey kioskKey = KioskSignatures.publicKeyOfRequest(MachineFiles.read(request));
                if (!Arrays.equals(kioskKey.getEncoded(), certificate.getPublicKey().getEncoded())) {
                    problems.add("kioskCertificate: " + file + " certifies another kiosk's key, not this kiosk's "
                            + "(" + KioskCredentials.REQUEST_FILE + "): copy the certificate made for this kiosk");
                }
            }
        } catch (KioskCryptoException e) {
            problems.add("kioskCertificate: " + file + " cannot be used [" + e.messageKey() + "]: "
                    + e.getMessage());
        } catch (IOException | RuntimeException e) {
            problems.add("kioskCertificate: " + file + " cannot be read as a PEM certificate");
        }
    }

    /**
     * The kiosk's state against the state anchored in its signed audit log (register version, day phase,
     * pre-election test; {@link StateAnchor}): a kiosk whose database was edited does not start.
     */
    private static Optional<String> stateProblem(KioskDataDirectory directory, KioskDatabase database) {
        try {
            PublicKey key = KioskSignatures.publicKeyOfRequest(MachineFiles.read(
                    directory.path().resolve(KioskCredentials.REQUEST_FILE)));
            database.read(c -> StateAnchor.verify(c, key, database.migrations()));
            return Optional.empty();
        } catch (StateAnchor.TamperedStateException e) {
            return Optional.of("integrity: the kiosk database disagrees with its signed audit log ["
                    + e.messageKey() + "]: " + e.getMessage() + " (call the administrator and the observers; "
                    + "'audit verify --data' shows the same)");
        } catch (IOException | RuntimeException e) {
            return Optional.of("integrity: the kiosk's key or audit log cannot be read (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    private static void checkPorts(KioskConfiguration configuration, List<String> problems) {
        port("scanner", configuration.scanner(), problems);
        port("mrzReader", configuration.mrzReader(), problems);
        port("printer", configuration.printer(), problems);
    }

    private static void port(String key, KioskConfiguration.SerialPortSetting setting, List<String> problems) {
        Path port = Path.of(setting.port());
        if (!Files.exists(port)) {
            problems.add(key + ".port: " + setting.port() + " does not exist (check the cable and kiosk.json)");
        } else if (Files.isDirectory(port) || Files.isRegularFile(port)) {
            problems.add(key + ".port: " + setting.port() + " is a " + (Files.isDirectory(port) ? "directory" : "file")
                    + ", not a serial device (check kiosk.json)");
        }
    }
}
