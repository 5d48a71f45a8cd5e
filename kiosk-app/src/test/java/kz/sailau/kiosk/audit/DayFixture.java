package kz.sailau.kiosk.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.register.KioskDataDirectory;
import kz.sailau.kiosk.register.RegisterContents;
import kz.sailau.kiosk.register.RegisterFixtures;
import kz.sailau.kiosk.register.RegisterLoader;
import kz.sailau.kiosk.register.RegisterPackages;
import kz.sailau.kiosk.register.RegisterRecord;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.store.Migration;
import kz.sailau.kiosk.store.StoreOptions;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;

/**
 * A simulated election day on a real kiosk data directory: a DEMO authority and kiosk, a synthetic register
 * of voters loaded through the real loader, and check-ins, refusals, clerk calls and a voided token recorded
 * through the real SQLite ledger, whose audit events go to the hash-chained log with the head signed every
 * {@link #SIGN_EVERY} entries.
 */
final class DayFixture implements AutoCloseable {

    static final int SIGN_EVERY = 10;
    static final Clock CLOCK = RegisterFixtures.CLOCK;
    static final ClerkId CLERK = new ClerkId("clerk7");

    final Path directory;
    final X509Certificate kioskCertificate;
    final KioskCredentials credentials;
    final RegisterContents register;
    KioskDatabase database;
    SqliteCheckInLedger ledger;
    long voided;

    private DayFixture(Path directory, X509Certificate kioskCertificate, KioskCredentials credentials,
                       RegisterContents register) {
        this.directory = directory;
        this.kioskCertificate = kioskCertificate;
        this.credentials = credentials;
        this.register = register;
    }

    /** Every migration of the kiosk database, as the application lists them. */
    static List<Migration> migrations() {
        List<Migration> all = new ArrayList<>(RegisterStore.MIGRATIONS);
        all.addAll(SqliteCheckInLedger.MIGRATIONS);
        all.addAll(StateAnchor.MIGRATIONS);
        return List.copyOf(all);
    }

    /** A kiosk with a loaded register of {@code voters} voters, its certificate at DIR/kiosk.crt.pem. */
    static DayFixture open(Path directory, int voters) throws Exception {
        X509Certificate certificate = RegisterFixtures.initKiosk(directory, RegisterFixtures.PRECINCT);
        RegisterFixtures.writeCertificate(directory.resolve("kiosk.crt.pem"), certificate);
        RegisterFixtures.writeCertificate(directory.resolve("authority-copy.crt.pem"),
                RegisterFixtures.authority().certificate());
        KioskDataDirectory data = KioskDataDirectory.at(directory);
        KioskCredentials credentials = data.unlock(RegisterFixtures.PASSPHRASE);
        RegisterContents contents = RegisterFixtures.contents(voters, 1, 42);
        DayFixture fixture = new DayFixture(directory, certificate, credentials, contents);
        fixture.reopen();
        Path packageFile = directory.resolve("register.srp");
        Files.write(packageFile, RegisterPackages.write(contents, RegisterFixtures.authority(), certificate));
        new RegisterLoader(new RegisterStore(fixture.database, credentials.storeKeys(), RegisterFixtures.RANDOM),
                data.profile(), data.pinnedAuthority(), credentials, RegisterFixtures.EXTRACTOR, CLOCK,
                RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                .guardedBy(new RegisterLoadAudit(credentials, fixture.database.migrations(), CLOCK))
                .load(packageFile, (stage, done, total) -> { });
        Files.delete(packageFile);
        return fixture;
    }

    /** (Re)opens the database and the ledger. */
    void reopen() {
        if (database != null) {
            database.close();
        }
        database = KioskDatabase.open(KioskDataDirectory.at(directory).databaseFile(), migrations(),
                StoreOptions.DEFAULT, CLOCK);
        ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"), CLOCK,
                new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), SIGN_EVERY));
    }

    /** The method voter {@code i} is checked in with. */
    static CheckInMethod method(int i) {
        return switch (i % 10) {
            case 3 -> CheckInMethod.CLERK_OVERRIDE;
            case 6 -> CheckInMethod.FALLBACK;
            case 8 -> CheckInMethod.CARDLESS_FINGERPRINT;
            default -> CheckInMethod.FINGERPRINT;
        };
    }

    /** Checks in the first {@code checkIns} voters with mixed methods, plus refusals, clerk calls and a void. */
    void simulate(int checkIns) {
        for (int i = 0; i < checkIns; i++) {
            RegisterRecord voter = register.records().get(i);
            CheckInMethod method = method(i);
            if (i % 7 == 2) {
                ledger.audit(CheckInAuditEvent.REFUSED, i % 2 == 0 ? "NOT_IN_REGISTER" : "DOCUMENT_EXPIRED",
                        Optional.empty());
            }
            if (method == CheckInMethod.CLERK_OVERRIDE) {
                ledger.audit(CheckInAuditEvent.CLERK_CALLED, "FINGER_NOT_RECOGNISED", Optional.empty());
            }
            ledger.record(new CheckInRecord(voter.voter().iin(), method,
                    method == CheckInMethod.CLERK_OVERRIDE
                            ? Optional.of(OverrideReason.values()[i % OverrideReason.values().length])
                            : Optional.empty(),
                    method == CheckInMethod.FINGERPRINT ? Optional.empty() : Optional.of(CLERK)));
            if (i == 5) {
                ledger.recordVoidedToken(Optional.of(CLERK));
                voided++;
            }
        }
        ledger.audit(CheckInAuditEvent.PAUSED, "", Optional.of(CLERK));
        ledger.audit(CheckInAuditEvent.RESUMED, "", Optional.of(CLERK));
    }

    /** Closes the day through the Java API, with tokens issued = check-ins + voided. */
    EndOfDay.Written close(Path out) throws Exception {
        long checkIns = ledger.counters().checkIns();
        return EndOfDay.close(database, credentials, kioskCertificate, RegisterFixtures.authority().certificate(),
                KioskDataDirectory.at(directory).profile(), new EndOfDay.Software("0.1.0-SNAPSHOT", null),
                checkIns + voided, out, CLOCK, RegisterFixtures.RANDOM);
    }

    /** A command-line environment capturing output. */
    static Console console() {
        return new Console();
    }

    /** Captured standard output and error of a command line. */
    static final class Console {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final CliEnvironment environment = new CliEnvironment(CLOCK, RegisterFixtures.RANDOM, migrations(),
                () -> {
                    throw new AssertionError("no matcher needed");
                }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
