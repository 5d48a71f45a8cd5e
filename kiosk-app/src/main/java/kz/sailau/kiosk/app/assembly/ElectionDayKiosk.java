package kz.sailau.kiosk.app.assembly;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import kz.sailau.kiosk.checkin.BallotTokenIssuer;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.checkin.CheckInLedger;
import kz.sailau.kiosk.checkin.CheckInPolicy;
import kz.sailau.kiosk.checkin.Counters;
import kz.sailau.kiosk.checkin.DeviceEffects;
import kz.sailau.kiosk.checkin.VoterDirectory;
import kz.sailau.kiosk.runner.DeviceRunner;
import kz.sailau.kiosk.runner.KioskDevices;
import kz.sailau.kiosk.ui.Language;
import kz.sailau.kiosk.ui.Messages;
import kz.sailau.kiosk.ui.Receipts;

/**
 * What {@link ElectionDayAssembly#assemble} built: the election day's engine, its ledger, and the device runner
 * that drives the kiosk's devices for it (absent when the engine runs without hardware). Receipts are printed in
 * Kazakh until the screens hand in the voter's language ({@link #printIn}). While the pre-election test runs,
 * the devices serve the test's engine ({@link #useTestEngine}). Closing stops the runner; the database and
 * the devices stay their owners' to close.
 */
public final class ElectionDayKiosk implements AutoCloseable {

    /**
     * What was assembled, by kind, for checking that every entry point builds the same kiosk: the policy, the
     * class of each port, whether the audit recorder signs chain heads, and the classes of the devices.
     *
     * @param policy       the check-in policy
     * @param directory    the register's class
     * @param ledger       the ledger's class
     * @param signedHeads  whether the audit recorder signs chain heads with the kiosk key
     * @param signEvery    the interval of signed heads
     * @param clerks       the clerk check's class
     * @param tokens       the token issuer's class
     * @param scanner      the scanner driver's class, empty without devices
     * @param printer      the printer driver's class, empty without devices
     * @param precinctNetwork whether the engine follows a precinct network (false: a standalone kiosk)
     */
    public record Description(CheckInPolicy policy, String directory, String ledger, boolean signedHeads,
                              int signEvery, String clerks, String tokens, Optional<String> scanner,
                              Optional<String> printer, boolean precinctNetwork) {
    }

    private final ElectionDayAssembly assembly;
    private final CheckInEngine engine;
    private final VoterDirectory directory;
    private final CheckInLedger ledger;
    private final Optional<DeviceRunner> runner;
    private final Optional<KioskDevices> devices;
    private final String tokens;
    private volatile Supplier<Messages> language = () -> Messages.of(Language.startLanguage());

    ElectionDayKiosk(ElectionDayAssembly assembly, CheckInEngine engine, VoterDirectory directory,
                     CheckInLedger ledger, BallotTokenIssuer tokens, Optional<KioskDevices> devices,
 Optional<DeviceRunner> runner) {
        this.tokens = tokens.getClass().getSimpleName();
        this.devices = Objects.requireNonNull(devices, "devices");
        this.assembly = Objects.requireNonNull(assembly, "assembly");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.runner = Objects.requireNonNull(runner, "runner");
        useRealEngine();
        runner.ifPresent(DeviceRunner::startReadingCards);
    }

    /** The election day's engine. */
    public CheckInEngine engine() {
        return engine;
    }

    /** The election day's ledger. */
    public CheckInLedger ledger() {
        return ledger;
    }

    /** The register the engine looks voters up in. */
    public VoterDirectory directory() {
        return directory;
    }

    /** The ledger's counters now. */
    public Counters counters() {
        return ledger.counters();
    }

    /** The assembly this kiosk came from (the pre-election test builds its engine with it). */
    public ElectionDayAssembly assembly() {
        return assembly;
    }

    /** The device runner, when the kiosk has devices. */
    public Optional<DeviceRunner> devices() {
        return runner;
    }

    /** The port through which an engine of this kiosk drives the devices ({@link DeviceEffects#NONE} without). */
    public DeviceEffects deviceEffects() {
        return runner.<DeviceEffects>map(r -> r).orElse(DeviceEffects.NONE);
    }

    /** Prints receipts in the language the screens currently speak (read when a receipt is printed). */
    public void printIn(Supplier<Messages> messages) {
        language = Objects.requireNonNull(messages, "messages");
        useRealEngine();
    }

    /** Feeds the engine a clock tick every {@code period} (the screens' idle timeouts and countdowns). */
    public void startTicking(Duration period) {
        runner.ifPresent(r -> r.startTicking(period));
    }

    /** Lets the devices serve the pre-election test's engine, printing TEST receipts. */
    public void useTestEngine(CheckInEngine testEngine) {
        Objects.requireNonNull(testEngine, "testEngine");
        runner.ifPresent(r -> r.drive(testEngine, token -> Receipts.test(language.get(), token)));
    }

    /** Lets the devices serve the election day's engine again. */
    public void useRealEngine() {
        runner.ifPresent(r -> r.drive(engine, token -> Receipts.of(language.get(), token)));
    }

    /** What was assembled. */
    public Description describe() {
        return new Description(engine.policy(), directory.getClass().getSimpleName(), ledger.getClass().getSimpleName(),
                assembly.auditRecorder().canSign(), ElectionDayAssembly.SIGN_EVERY,
                assembly.clerks().getClass().getSimpleName(), tokens,
                devices.map(d -> d.scanner().getClass().getSimpleName()),
                devices.map(d -> d.printer().getClass().getSimpleName()), engine.onPrecinctNetwork());
    }

    /** Stops the device runner. */
    @Override
    public void close() {
        runner.ifPresent(DeviceRunner::close);
    }
}
