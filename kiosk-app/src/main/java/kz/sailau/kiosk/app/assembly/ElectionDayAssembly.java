package kz.sailau.kiosk.app.assembly;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import kz.sailau.kiosk.app.ClerkWiring;
import kz.sailau.kiosk.app.KioskConfiguration;
import kz.sailau.kiosk.audit.CheckInSeal;
import kz.sailau.kiosk.audit.AuditRecorder;
import kz.sailau.kiosk.audit.ChainHeadSigner;
import kz.sailau.kiosk.biometric.FingerMatcher;
import kz.sailau.kiosk.checkin.BallotTokenIssuer;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInMachine;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.ClerkAuthenticator;
import kz.sailau.kiosk.checkin.DeviceEffects;
import kz.sailau.kiosk.checkin.PrecinctNetwork;
import kz.sailau.kiosk.checkin.RegisterVoterDirectory;
import kz.sailau.kiosk.checkin.VoterDirectory;
import kz.sailau.kiosk.crypto.Ed25519TokenKeys;
import kz.sailau.kiosk.crypto.KioskCredentials;
import kz.sailau.kiosk.ledger.SqliteCheckInLedger;
import kz.sailau.kiosk.model.ElectionId;
import kz.sailau.kiosk.model.PrecinctId;
import kz.sailau.kiosk.register.RegisterStore;
import kz.sailau.kiosk.runner.DeviceRunner;
import kz.sailau.kiosk.runner.KioskDevices;
import kz.sailau.kiosk.store.KioskDatabase;
import kz.sailau.kiosk.timeline.CheckInTimeline;
import kz.sailau.kiosk.token.KioskTokenIssuer;
import kz.sailau.kiosk.token.TypedCodeKey;

/**
 * The one election-day assembly, used by {@code start}, {@code start --ready-check}, {@code demo},
 * {@code simulate} and the pre-election logic-and-accuracy test: the check-in policy from the configuration, the
 * register over the unlocked store, the ledger with its audit recorder signing chain heads with the kiosk key,
 * the clerk roster, the token issuer with the kiosk's token key, and the device runner that drives the kiosk's
 * devices. The entry points differ only in the devices they hand in (serial or emulated) and the data (the
 * store, the token key, the precinct token key of typed codes). This is the only place that constructs a {@link CheckInEngine}
 * in the kiosk program ({@code LayeringTest} checks it).
 *
 * <p>The ledger and the token issuer are ports that a precinct network can replace ({@link #withLedger},
 * {@link #withTokenIssuer}), and the engine of a precinct node follows the network's state ({@link #withNetwork}).
 */
public final class ElectionDayAssembly {

    /** The audit recorder's interval of signed chain heads on election day. */
    static final int SIGN_EVERY = AuditRecorder.DEFAULT_SIGN_EVERY;

    private final CheckInPolicy policy;
    private final ElectionId election;
    private final KioskDatabase database;
    private final KioskCredentials credentials;
    private final Ed25519TokenKeys tokenKeys;
    private final TypedCodeKey typedCodeKey;
    private final FingerMatcher matcher;
    private final ClerkAuthenticator clerks;
    private final Clock clock;
    private final SecureRandom random;
    private final DeviceRunner.Timing deviceTiming;
    private final Function<ElectionDayAssembly, CheckInLedger> ledger;
    private final Optional<Function<ElectionDayAssembly, BallotTokenIssuer>> tokenIssuer;
    private final Optional<PrecinctNetwork> network;

    private ElectionDayAssembly(CheckInPolicy policy, ElectionId election, KioskDatabase database,
                                KioskCredentials credentials, Ed25519TokenKeys tokenKeys, TypedCodeKey typedCodeKey,
                                FingerMatcher matcher, ClerkAuthenticator clerks, Clock clock, SecureRandom random,
                                DeviceRunner.Timing deviceTiming, Function<ElectionDayAssembly, CheckInLedger> ledger,
                                Optional<Function<ElectionDayAssembly, BallotTokenIssuer>> tokenIssuer,
                                Optional<PrecinctNetwork> network) {
        this.policy = policy;
        this.election = election;
        this.database = database;
        this.credentials = credentials;
        this.tokenKeys = tokenKeys;
        this.typedCodeKey = typedCodeKey;
        this.matcher = matcher;
        this.clerks = clerks;
        this.clock = clock;
        this.random = random;
        this.deviceTiming = deviceTiming;
        this.ledger = ledger;
        this.tokenIssuer = tokenIssuer;
        this.network = network;
    }

    /**
     * The assembly over an unlocked store.
     *
     * @param configuration the configuration in force (precinct, election, day, tries, timeouts)
     * @param database      the kiosk database (stays the caller's to close)
     * @param credentials   the unlocked kiosk keys (store keys, chain-head signing)
     * @param tokenKeys     the kiosk's token key
     * @param typedCodeKey  the precinct token key that authenticates typed codes (decision 0120)
     * @param matcher       the fingerprint matcher
     * @param clock         time
     * @param random        randomness (token ids, store encryption)
     */
    public static ElectionDayAssembly over(KioskConfiguration configuration, KioskDatabase database,
                                           KioskCredentials credentials, Ed25519TokenKeys tokenKeys,
                                           TypedCodeKey typedCodeKey, FingerMatcher matcher, Clock clock,
                                           SecureRandom random) {
        Objects.requireNonNull(configuration, "configuration");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(credentials, "credentials");
        return new ElectionDayAssembly(policy(configuration), new ElectionId(configuration.election()), database,
                credentials, Objects.requireNonNull(tokenKeys, "tokenKeys"),
                Objects.requireNonNull(typedCodeKey, "typedCodeKey"), Objects.requireNonNull(matcher, "matcher"),
                ClerkWiring.authenticator(database, credentials, random, clock), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(random, "random"), DeviceRunner.Timing.DEFAULT, ElectionDayAssembly::standaloneLedger,
                Optional.empty(), Optional.empty());
    }

    /** The check-in policy of a configuration: precinct, day, tries, idle timeout and token screen time. */
    public static CheckInPolicy policy(KioskConfiguration configuration) {
        PrecinctId precinct = new PrecinctId(configuration.precinct());
        CheckInPolicy defaults = CheckInPolicy.defaults(precinct, configuration.electionDay());
        return new CheckInPolicy(precinct, configuration.electionDay(), defaults.minimumAge(),
                configuration.maxFingerTries(), defaults.threshold(), defaults.overrideCap(),
                Duration.ofSeconds(configuration.idleTimeoutSeconds()))
                .withTokenDisplay(Duration.ofSeconds(configuration.tokenScreenSeconds()));
    }

    /** The same assembly with another ledger (a precinct network's shared ledger). */
    public ElectionDayAssembly withLedger(Function<ElectionDayAssembly, CheckInLedger> replacement) {
        return new ElectionDayAssembly(policy, election, database, credentials, tokenKeys, typedCodeKey, matcher,
                clerks, clock, random, deviceTiming, Objects.requireNonNull(replacement, "replacement"),
                tokenIssuer, network);
    }

    /**
     * The same assembly whose engine follows a precinct network's state (the kiosk is one of its nodes): the cut-off
     * screen and the clerk console's network line.
     */
    public ElectionDayAssembly withNetwork(PrecinctNetwork precinctNetwork) {
        return new ElectionDayAssembly(policy, election, database, credentials, tokenKeys, typedCodeKey, matcher,
                clerks, clock, random, deviceTiming, ledger, tokenIssuer,
                Optional.of(Objects.requireNonNull(precinctNetwork, "precinctNetwork")));
    }

    /** The same assembly with another token issuer (owned by whoever supplies it). */
    public ElectionDayAssembly withTokenIssuer(Function<ElectionDayAssembly, BallotTokenIssuer> replacement) {
        return new ElectionDayAssembly(policy, election, database, credentials, tokenKeys, typedCodeKey, matcher,
                clerks, clock, random, deviceTiming, ledger,
                Optional.of(Objects.requireNonNull(replacement, "replacement")), network);
    }

    /** The same assembly with another clerk check (tests that keep their clerks out of the store's roster). */
    public ElectionDayAssembly withClerks(ClerkAuthenticator replacement) {
        return new ElectionDayAssembly(policy, election, database, credentials, tokenKeys, typedCodeKey, matcher,
                Objects.requireNonNull(replacement, "replacement"), clock, random, deviceTiming, ledger, tokenIssuer,
                network);
    }

    /** The same assembly with other device waits (tests that make a scanner fail in seconds, not tens). */
    public ElectionDayAssembly withDeviceTiming(DeviceRunner.Timing timing) {
        return new ElectionDayAssembly(policy, election, database, credentials, tokenKeys, typedCodeKey, matcher,
                clerks, clock, random, Objects.requireNonNull(timing, "timing"), ledger, tokenIssuer, network);
    }

    /**
     * Assembles the election day: the engine over the store's register and ledger, and, with devices, the runner
     * that drives them (started: it reads cards, but does not tick; see {@link ElectionDayKiosk#startTicking}).
     *
     * @param devices the kiosk's devices, or empty for an engine checked without hardware
     */
    public ElectionDayKiosk assemble(Optional<KioskDevices> devices) {
        return assemble(devices, register(database, credentials, matcher, random));
    }

    /**
     * Assembles the election day over a register made beforehand with {@link #register}: one whose 1:N gallery is
     * already being prepared ({@link RegisterVoterDirectory#prepareGalleryAhead}) while the rest is wired.
     *
     * @param devices  the kiosk's devices, or empty for an engine checked without hardware
     * @param register the register over this assembly's store
     */
    public ElectionDayKiosk assemble(Optional<KioskDevices> devices, RegisterVoterDirectory register) {
        Objects.requireNonNull(devices, "devices");
        VoterDirectory directory = Objects.requireNonNull(register, "register");
        CheckInLedger checkIns = ledger.apply(this);
        BallotTokenIssuer tokens = tokenIssuer.map(f -> f.apply(this)).orElseGet(() -> tokenIssuer(election));
        Optional<DeviceRunner> runner = devices.map(d -> new DeviceRunner(d, deviceTiming));
        // Only the election day's own engine follows the network: the pre-election test's (engine()) is standalone.
        CheckInEngine engine = new CheckInEngine(new CheckInMachine(policy), directory, checkIns, clerks, tokens,
                matcher, clock, runner.<DeviceEffects>map(r -> r).orElse(DeviceEffects.NONE), CheckInTimeline.system(),
                network);
        return new ElectionDayKiosk(this, engine, directory, checkIns, tokens, devices, runner);
    }

    /**
     * The election day's register over an unlocked store, as {@link #assemble(Optional)} makes it: made apart so that
     * its 1:N gallery can be prepared while the rest of the election day is wired.
     *
     * @param database    the kiosk database
     * @param credentials the unlocked kiosk keys (the store keys decrypt the register)
     * @param matcher     the fingerprint matcher that prepares the gallery
     * @param random      randomness for the store's encryption
     */
    public static RegisterVoterDirectory register(KioskDatabase database, KioskCredentials credentials,
                                                  FingerMatcher matcher, SecureRandom random) {
        return new RegisterVoterDirectory(new RegisterStore(Objects.requireNonNull(database, "database"),
                Objects.requireNonNull(credentials, "credentials").storeKeys(), Objects.requireNonNull(random,
                "random")), Objects.requireNonNull(matcher, "matcher"));
    }

    /**
     * The check-in engine over one store: the real one, or the separate store of the pre-election test.
     *
     * @param directory the register
     * @param checkIns  the ledger
     * @param tokens    the token issuer
     * @param devices   the device runner, or {@link DeviceEffects#NONE}
     */
    public CheckInEngine engine(VoterDirectory directory, CheckInLedger checkIns, BallotTokenIssuer tokens,
                                DeviceEffects devices) {
        return new CheckInEngine(new CheckInMachine(policy), directory, checkIns, clerks, tokens, matcher, clock,
                devices);
    }

    /**
     * A token issuer for {@code tokenElection} (the real one, or the pre-election test's); the ledger the engine
     * records into keeps the issued ids.
     */
    public BallotTokenIssuer tokenIssuer(ElectionId tokenElection) {
        return new KioskTokenIssuer(tokenElection, policy.precinct(), tokenKeys::sign, typedCodeKey, random);
    }

    /** The audit recorder of election day: hash chain, heads signed with the kiosk key every 50 entries. */
    public AuditRecorder auditRecorder() {
        return new AuditRecorder(Optional.of(ChainHeadSigner.kiosk(credentials)), SIGN_EVERY);
    }

    private static CheckInLedger standaloneLedger(ElectionDayAssembly assembly) {
        return assembly.sqliteLedger();
    }

    /**
     * The kiosk's own SQLite ledger with its audit recorder: the standalone ledger, and the local half of a
     * precinct network's replicated one.
     */
    public SqliteCheckInLedger sqliteLedger() {
        return new SqliteCheckInLedger(database, credentials.storeKeys().blindIndex("iin"), clock, auditRecorder())
                .withSpecialList(credentials.storeKeys().fieldCipher(random))
                .withSeal(new CheckInSeal(ChainHeadSigner.kiosk(credentials)));
    }

    /** The check-in policy in force. */
    public CheckInPolicy policy() {
        return policy;
    }

    /** The election. */
    public ElectionId election() {
        return election;
    }

    /** The kiosk database. */
    public KioskDatabase database() {
        return database;
    }

    /** The unlocked kiosk keys. */
    public KioskCredentials credentials() {
        return credentials;
    }

    /** The fingerprint matcher. */
    public FingerMatcher matcher() {
        return matcher;
    }

    /** The clerk PIN check (the store's roster). */
    public ClerkAuthenticator clerks() {
        return clerks;
    }

    /** The precinct token key of typed codes, for checking them as the ballot desk does. */
    public TypedCodeKey typedCodeKey() {
        return typedCodeKey;
    }

    /** The kiosk's token public key, for the ballot desk. */
    public byte[] tokenPublicKey() {
        return tokenKeys.publicKey();
    }

    /** Time. */
    public Clock clock() {
        return clock;
    }

    /** Randomness. */
    public SecureRandom random() {
        return random;
    }
}
