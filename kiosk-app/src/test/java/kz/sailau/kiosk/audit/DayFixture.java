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
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.checkin.BallotTokenIssuer;
import kz.sailau.kiosk.checkin.CheckInAuditEvent;
import kz.sailau.kiosk.checkin.CheckInMethod;
import kz.sailau.kiosk.checkin.CheckInRecord;
import kz.sailau.kiosk.checkin.IssuedBallotToken;
import kz.sailau.kiosk.checkin.PreparedToken;
import kz.sailau.kiosk.token.TokenId;
import kz.sailau.kiosk.checkin.ClerkId;
import kz.sailau.kiosk.checkin.OverrideReason;
import kz.sailau.kiosk.cli.CliEnvironment;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.model.PrecinctId;
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
public final class DayFixture implements AutoCloseable {

    /** A signed chain head after every this many entries. */
    public static final int SIGN_EVERY = 10;
    /** The fixed clock of the day. */
    public static final Clock CLOCK = RegisterFixtures.CLOCK;
    /** The clerk of every clerk action. */
    public static final ClerkId CLERK = new ClerkId("clerk7");

    /** The kiosk data directory (with {@code kiosk.crt.pem} and {@code authority-copy.crt.pem}). */
    public final Path directory;
    final X509Certificate kioskCertificate;
    /** The unlocked kiosk keys. */
    public final KioskCredentials credentials;
    /** The loaded register. */
    public final RegisterContents register;
    /** The open kiosk database. */
    public KioskDatabase database;
    /** The ledger over it. */
    public SqliteCheckInLedger ledger;
    /** Tokens voided so far. */
    public long voided;
    /** Makes the ballot tokens; placeholder codes with random ids unless a test sets a real issuer. */
    public BallotTokenIssuer issuer = DayFixture::token;

    private DayFixture(Path directory, X509Certificate kioskCertificate, KioskCredentials credentials,
                       RegisterContents register) {
        this.directory = directory;
        this.kioskCertificate = kioskCertificate;
        this.credentials = credentials;
        this.register = register;
    }

    /** Every migration of the kiosk database, as the application lists them. */
    public static List<Migration> migrations() {
        List<Migration> all = new ArrayList<>(RegisterStore.MIGRATIONS);
        all.addAll(SqliteCheckInLedger.MIGRATIONS);
        all.addAll(StateAnchor.MIGRATIONS);
        all.addAll(SqliteCheckInLedger.TOKEN_MIGRATIONS);
        all.addAll(CheckInSeal.MIGRATIONS);
        return List.copyOf(all);
    }

    /** A kiosk with a loaded register of {@code voters} voters, its certificate at DIR/kiosk.crt.pem. */
    public static DayFixture open(Path directory, int voters) throws Exception {
        return openPrecinct(List.of(directory), voters).get(0);
    }

    /**
     * Kiosks of one precinct that loaded the one precinct package (decision 0250: the byte-identical file, so the
     * same package SHA-256 on each), each with its certificate at DIR/kiosk.crt.pem.
     */
    public static List<DayFixture> openPrecinct(List<Path> directories, int voters) throws Exception {
        return openPrecinct(directories, voters, RegisterFixtures.PRECINCT);
    }

    /** As {@link #openPrecinct(List, int)}, for kiosks of {@code precinct}. */
    public static List<DayFixture> openPrecinct(List<Path> directories, int voters, PrecinctId precinct)
            throws Exception {
        RegisterContents contents = RegisterFixtures.contents(voters, 1, 42, precinct, RegisterFixtures.ELECTION);
        List<DayFixture> fixtures = new ArrayList<>();
        for (Path directory : directories) {
            // Each kiosk its own key: the cached template for the first, fresh keys for the others.
            X509Certificate certificate = fixtures.isEmpty()
                    ? RegisterFixtures.initKiosk(directory, precinct)
                    : RegisterFixtures.initFreshKiosk(directory, precinct);
            RegisterFixtures.writeCertificate(directory.resolve("kiosk.crt.pem"), certificate);
            RegisterFixtures.writeCertificate(directory.resolve("authority-copy.crt.pem"),
                    RegisterFixtures.authority().certificate());
            KioskCredentials credentials = KioskDataDirectory.at(directory).unlock(RegisterFixtures.PASSPHRASE);
            DayFixture fixture = new DayFixture(directory, certificate, credentials, contents);
            fixture.reopen();
            fixtures.add(fixture);
        }
        byte[] precinctPackage = fixtures.size() == 1
                ? RegisterPackages.write(contents, RegisterFixtures.authority(), fixtures.get(0).kioskCertificate)
                : RegisterPackages.writeForPrecinct(contents, RegisterFixtures.authority(),
                        fixtures.stream().map(f -> f.kioskCertificate).toList());
        for (DayFixture fixture : fixtures) {
            KioskDataDirectory data = KioskDataDirectory.at(fixture.directory);
            Path packageFile = fixture.directory.resolve("register.srp");
            Files.write(packageFile, precinctPackage);
            new RegisterLoader(new RegisterStore(fixture.database, fixture.credentials.storeKeys(),
                    RegisterFixtures.RANDOM), data.profile(), data.pinnedAuthority(), fixture.credentials,
                    RegisterFixtures.EXTRACTOR, CLOCK, RegisterLoader.DEFAULT_MAX_PACKAGE_BYTES)
                    .guardedBy(new RegisterLoadAudit(fixture.credentials, fixture.database.migrations(), CLOCK))
                    .load(packageFile, (stage, done, total) -> { });
            Files.delete(packageFile);
        }
        return fixtures;
    }

    /** (Re)opens the database and the ledger. */
    public void reopen() {
        if (database != null) {
            database.close();
        }
        database = KioskDatabase.open(KioskDataDirectory.at(directory).databaseFile(), migrations(),
                StoreOptions.DEFAULT, CLOCK);
        ledger = new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"), CLOCK,
                new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), SIGN_EVERY))
                .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
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
    public void simulate(int checkIns) {
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
            PreparedToken token = issuer.prepare();
            ledger.record(new CheckInRecord(voter.voter().iin(), method,
                    method == CheckInMethod.CLERK_OVERRIDE
                            ? Optional.of(OverrideReason.values()[i % OverrideReason.values().length])
                            : Optional.empty(),
                    method == CheckInMethod.FINGERPRINT ? Optional.empty() : Optional.of(CLERK)), Optional.of(token));
            if (i == 5) {
                ledger.replaceToken(token, Optional.of(issuer.prepare()), CLERK);
                voided++;
            }
        }
        ledger.audit(CheckInAuditEvent.PAUSED, "", Optional.of(CLERK));
        ledger.audit(CheckInAuditEvent.RESUMED, "", Optional.of(CLERK));
    }

    /** A token with a fresh random id, as the kiosk's issuer makes one (the codes are placeholders). */
    public static PreparedToken token() {
        TokenId id = TokenId.random(RegisterFixtures.RANDOM);
        return new PreparedToken(id.toString(), new IssuedBallotToken("CODE-" + id, "SLT1:" + id));
    }

    /** Closes the day through the Java API (tokens issued = check-ins + voided, from the log). */
    public EndOfDay.Written close(Path out) throws Exception {
        return EndOfDay.close(database, credentials, kioskCertificate, RegisterFixtures.authority().certificate(),
                KioskDataDirectory.at(directory).profile(), new EndOfDay.Software("0.1.0-SNAPSHOT", null),
                out, CLOCK, RegisterFixtures.RANDOM);
    }

    /**
     * The kiosk database of a data directory, opened with every migration (and closed by the caller).
     *
     * @param database the open database
     */
    public record Reopened(KioskDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }

    /** Opens the kiosk database of {@code directory} on its own (the fixture's connection must be closed). */
    public static Reopened reopenDatabase(Path directory) {
        return new Reopened(KioskDatabase.open(KioskDataDirectory.at(directory).databaseFile(), migrations(),
                StoreOptions.DEFAULT, CLOCK));
    }

    /** A command-line environment capturing output. */
    public static Console console() {
        return new Console();
    }

    /** Captured standard output and error of a command line. */
    public static final class Console {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        /** The environment whose streams are captured. */
        public final CliEnvironment environment = new CliEnvironment(CLOCK, RegisterFixtures.RANDOM, migrations(),
                () -> {
                    throw new AssertionError("no matcher needed");
                }, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        /** Runs the real command line with {@code args}; returns its exit code. */
        public int run(String... args) {
            return kz.sailau.kiosk.cli.KioskCommandLine.create(environment).execute(args);
        }

        /** What was printed on standard output. */
        public String out() {
            return out.toString(StandardCharsets.UTF_8);
        }

        /** What was printed on standard error. */
        public String err() {
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
