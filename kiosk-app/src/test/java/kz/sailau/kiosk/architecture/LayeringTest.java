package kz.sailau.kiosk.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import kz.sailau.kiosk.app.assembly.ElectionDayAssembly;
import kz.sailau.kiosk.biometric.ImageQuality;
import kz.sailau.kiosk.checkin.CheckInEngine;
import kz.sailau.kiosk.devices.MrzReaderException;
import kz.sailau.kiosk.devices.printer.Receipt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code kiosk-app}, checked by the build: every package is in a layer, layers are reached only
 * from above, packages form no cycle, each third-party library is confined to one package, and emulators and
 * in-memory fakes stay out of the election-day paths ({@code DeviceBoundariesTest} adds how the kiosk reaches its
 * serial ports). {@code docs/architecture.md} is drawn from these rules.
 * Each rule says why; an exception to a rule is written into the rule with its reason.
 *
 * <pre>
 * app (entry point, wiring: app.assembly, app.demo, app.simulate, app.la)
 *   ui (screens, view models)        cli (administrator commands)
 *     runner (drives the devices for the check-in engine)
 *       ledger   clerk   token                         (adapters of the check-in ports over storage and keys)
 *         precinct (the replicated precinct ledger, JGroups Raft; only blind indexes, token ids, node names)
 *         audit (event catalogue, hash chain, end of day)
 *           checkin (the state machine and its engine)
 *             register (register package, encrypted store)
 *               biometric   crypto   devices          (SourceAFIS, Bouncy Castle, serial ports)
 *                 store (SQLite plumbing, atomic files)
 *                   model (values)
 * </pre>
 */
class LayeringTest {

    private static final String APP = "kz.sailau.kiosk.app..";
    private static final String UI = "kz.sailau.kiosk.ui..";
    private static final String CLI = "kz.sailau.kiosk.cli..";
    private static final String RUNNER = "kz.sailau.kiosk.runner..";
    private static final String LEDGER = "kz.sailau.kiosk.ledger..";
    private static final String CLERK = "kz.sailau.kiosk.clerk..";
    private static final String TOKEN = "kz.sailau.kiosk.token..";
    private static final String REPORT = "kz.sailau.kiosk.report..";
    private static final String PRECINCT = "kz.sailau.kiosk.precinct..";
    private static final String AUDIT = "kz.sailau.kiosk.audit..";
    private static final String CHECKIN = "kz.sailau.kiosk.checkin..";
    private static final String REGISTER = "kz.sailau.kiosk.register..";
    private static final String BIOMETRIC = "kz.sailau.kiosk.biometric..";
    private static final String CRYPTO = "kz.sailau.kiosk.crypto..";
    private static final String DEVICES = "kz.sailau.kiosk.devices..";
    private static final String STORE = "kz.sailau.kiosk.store..";
    private static final String MODEL = "kz.sailau.kiosk.model..";
    private static final String TIMELINE = "kz.sailau.kiosk.timeline..";
    private static final String ACCURACY = "kz.sailau.kiosk.accuracy..";
    private static final String FINGERPRINT_DRIVER = "kz.sailau.fingerprint..";
    private static final String FINGERPRINT_EMULATOR = "kz.sailau.fingerprint.emulator..";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.get();
    }

    // ------------------------------------------------------------------ layers and cycles

    @Test
    void everyPackageIsInALayerReachedOnlyFromAbove() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .ensureAllClassesAreContainedInArchitecture()
                .layer("App").definedBy(APP)
                .layer("Ui").definedBy(UI)
                .layer("Cli").definedBy(CLI)
                .layer("Accuracy").definedBy(ACCURACY)
                .layer("Runner").definedBy(RUNNER)
                .layer("Ledger").definedBy(LEDGER)
                .layer("Clerk").definedBy(CLERK)
                .layer("Token").definedBy(TOKEN)
                .layer("Report").definedBy(REPORT)
                .layer("Precinct").definedBy(PRECINCT)
                .layer("Audit").definedBy(AUDIT)
                .layer("CheckIn").definedBy(CHECKIN)
                .layer("Register").definedBy(REGISTER)
                .layer("Biometric").definedBy(BIOMETRIC)
                .layer("Crypto").definedBy(CRYPTO)
                .layer("Devices").definedBy(DEVICES)
                .layer("Store").definedBy(STORE)
                .layer("Model").definedBy(MODEL)
                .layer("Timeline").definedBy(TIMELINE)
                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Ui").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Cli").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Accuracy").mayOnlyBeAccessedByLayers("Cli")
                .whereLayer("Runner").mayOnlyBeAccessedByLayers("App", "Ui")
                .whereLayer("Ledger").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Clerk").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
                .whereLayer("Token").mayOnlyBeAccessedByLayers("App", "Cli")
                .whereLayer("Report").mayOnlyBeAccessedByLayers("App", "Ui", "Cli")
                // The precinct network is reached by the wiring (app, the node commands) and by the adapters that
                // put the check-in and ballot-desk ports on it (ledger, token); it knows no feature above it.
                .whereLayer("Precinct").mayOnlyBeAccessedByLayers("App", "Cli", "Ledger", "Token")
                // The precinct verifier joins the kiosks' own day bundles (decision 0251): it reads them with audit's.
                .whereLayer("Audit").mayOnlyBeAccessedByLayers("App", "Cli", "Ledger", "Clerk", "Report", "Precinct")
                .whereLayer("CheckIn").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Accuracy", "Runner", "Ledger",
                        "Clerk", "Token", "Audit", "Report")
                .whereLayer("Register").mayOnlyBeAccessedByLayers("App", "Cli", "Accuracy", "Clerk", "Audit", "CheckIn")
                .whereLayer("Biometric").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Accuracy", "Runner", "CheckIn",
                        "Register")
                .whereLayer("Crypto").mayOnlyBeAccessedByLayers("App", "Cli", "Ledger", "Clerk", "Token", "Precinct",
                        "Audit", "Register")
                .whereLayer("Devices").mayOnlyBeAccessedByLayers("App", "Ui", "Runner", "CheckIn", "Report")
                .whereLayer("Store").mayOnlyBeAccessedByLayers("App", "Cli", "Ledger", "Clerk", "Audit", "Register",
                        "Crypto")
                .whereLayer("Timeline").mayOnlyBeAccessedByLayers("App", "Ui", "Cli", "Runner", "Audit", "CheckIn")
                .because("dependencies point one way, from the entry point and the screens down to the values, so that "
                        + "each layer can be understood and tested with only what is below it (HOUSE-STYLE.md)")
                .check(classes);
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("kz.sailau.kiosk.(*)..").should().beFreeOfCycles()
                .because("a cycle makes two packages one: neither can change or be tested without the other "
                        + "(the check-in/token cycle through the message keys was broken by TokenMessageKeys)")
                .check(classes);
    }

    /**
     * The entry point's own topics form no cycle either. Exception: classes directly in {@code app} (the entry
     * point, {@code start}, the configuration and the administrator's actions) are not a slice: the entry point
     * registers the subpackages' commands and the demo reuses the administrator's actions.
     */
    @Test
    void theEntryPointsTopicsFormNoCycle() {
        slices().matching("kz.sailau.kiosk.app.(*)..").should().beFreeOfCycles()
                .because("the assembly is below the demo, the simulation and the pre-election test, which build on it")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage(MODEL)
                .should().dependOnClassesThat().resideInAnyPackage("kz.sailau.kiosk..", FINGERPRINT_DRIVER)
                .andShould().dependOnClassesThat().resideOutsideOfPackages(MODEL, "java..")
                .because("values are plain records every layer can use: no I/O, no library, nothing above them")
                .check(classes);
    }

    // ------------------------------------------------------------------ libraries, each in one place

    @Test
    void storeIsPlumbingThatKnowsNoFeature() {
        noClasses().that().resideInAPackage(STORE)
                .should().dependOnClassesThat().resideOutsideOfPackages(STORE, MODEL, "java..", "org.sqlite..",
                        "org.slf4j..")
                .because("the store is below every feature: SQLite, transactions, migrations and atomic files only; "
                        + "the check-in ledger, which joins feature tables in one transaction, lives above it")
                .check(classes);
    }

    @Test
    void onlyTheStoreUsesTheSqliteDriver() {
        noClasses().that().resideOutsideOfPackage(STORE)
                .should().dependOnClassesThat().resideInAPackage("org.sqlite..")
                .because("features receive a connection inside a transaction; only the store opens one")
                .check(classes);
    }

    @Test
    void onlyTheFeaturesThatOwnTablesTalkSql() {
        noClasses().that().resideInAnyPackage(MODEL, CRYPTO, BIOMETRIC, DEVICES, UI, RUNNER, CHECKIN)
                .should().dependOnClassesThat().resideInAPackage("java.sql..")
                .because("SQL lives with the tables: the check-in engine reaches storage through its ports")
                .check(classes);
    }

    /**
     * The accuracy measurement (issue 16) is a tool of the authority: only the command line uses it, and it reaches
     * no screen, wiring or database; it runs the kiosk's own enrolment, matcher and capture policy from below.
     */
    @Test
    void accuracyIsAToolOfTheCommandLine() {
        noClasses().that().resideOutsideOfPackages("kz.sailau.kiosk.accuracy..", "kz.sailau.kiosk.cli..")
                .should().dependOnClassesThat().resideInAPackage("kz.sailau.kiosk.accuracy..")
                .because("only the accuracy command measures; the kiosk itself never runs a measurement")
                .allowEmptyShould(true)
                .check(classes);
        noClasses().that().resideInAPackage("kz.sailau.kiosk.accuracy..")
                .should().dependOnClassesThat().resideInAnyPackage("kz.sailau.kiosk.ui..", "kz.sailau.kiosk.app..",
                        "kz.sailau.kiosk.cli..", "kz.sailau.kiosk.store..", "javafx..", "java.sql..")
                .because("a measurement runs the kiosk's path from below and needs no screen, wiring or database")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyUiAndAppImportJavaFx() {
        noClasses().that().resideOutsideOfPackages(UI, APP)
                .should().dependOnClassesThat().resideInAPackage("javafx..")
                .because("the engine, the runner and the commands run without a screen (headless tests, simulate)")
                .check(classes);
    }

    @Test
    void onlyCryptoImportsBouncyCastle() {
        noClasses().that().resideOutsideOfPackage(CRYPTO)
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .because("every key, signature and cipher is reviewed in one package")
                .check(classes);
    }

    @Test
    void onlyBiometricImportsSourceAfis() {
        noClasses().that().resideOutsideOfPackage(BIOMETRIC)
                .should().dependOnClassesThat().resideInAPackage("com.machinezoo.sourceafis..")
                .because("matching is one small interface (FingerMatcher) that tests can replace")
                .check(classes);
    }

    @Test
    void timelineDependsOnNothingOfOursAndAloneUsesHdrHistogram() {
        noClasses().that().resideInAPackage(TIMELINE)
                .should().dependOnClassesThat().resideOutsideOfPackages(TIMELINE, "java..", "org.HdrHistogram..")
                .because("the check-in timeline is counts per duration bucket: the engine, the runner, the screens "
                        + "and the end-of-day bundle read it, and it reads nothing of theirs (decision 0190)")
                .check(classes);
        noClasses().that().resideOutsideOfPackage(TIMELINE)
                .should().dependOnClassesThat().resideInAPackage("org.HdrHistogram..")
                .because("the histograms are one small table type (PhaseTable) to everyone else")
                .check(classes);
    }

    @Test
    void onlyCliAndAppUsePicocli() {
        noClasses().that().resideOutsideOfPackages(CLI, APP)
                .should().dependOnClassesThat().resideInAPackage("picocli..")
                .because("command-line parsing is the administrator's interface, not the engine's")
                .check(classes);
    }

    // ------------------------------------------------------------------ the engine and its devices

    @Test
    void onlyTheAssemblyBuildsACheckInEngine() {
        noClasses().that().doNotBelongToAnyOf(ElectionDayAssembly.class, CheckInEngine.class)
                .should().callConstructorWhere(JavaCall.Predicates.target(
                        AccessTarget.Predicates.declaredIn(CheckInEngine.class)))
                .because("start, demo, simulate and the pre-election test assemble the same engine in one place "
                        + "(OneElectionDayAssemblyIT compares what each builds)")
                .check(classes);
    }

    /** Exception: the engine lists the card reader's message keys for the bundle test ({@link MrzReaderException}). */
    @Test
    void theCheckInEngineDrivesDevicesOnlyThroughItsPort() {
        noClasses().that().resideInAPackage(CHECKIN)
                .should().dependOnClassesThat().resideInAPackage(FINGERPRINT_DRIVER)
                .orShould().dependOnClassesThat(resideInAPackage(DEVICES).and(not(equivalentTo(MrzReaderException.class))))
                .because("device effects are data the machine asks for; the runner beside the engine drives the "
                        + "drivers, so the whole flow, hardware included, is one pure state-transition table")
                .check(classes);
    }

    @Test
    void onlyTheRunnerAndTheAssemblyUseTheFingerprintDriver() {
        noClasses().that().resideOutsideOfPackages(RUNNER, APP, DEVICES, ACCURACY)
                .should().dependOnClassesThat().resideInAPackage(FINGERPRINT_DRIVER)
                .because("the screens see a capture only as the runner reports it, never through the driver (the "
                        + "authority's accuracy measurement reads the sensor's geometry and 4-bit transfer from its API)")
                .check(classes);
    }

    /**
     * Exceptions: the screens lay out the receipt in the voter's language, so they build the printer's
     * {@link Receipt} value (nothing else of the devices); and they show the quality hint of a poor capture, so they
     * read {@link ImageQuality}'s message key (nothing else of the matcher).
     */
    @Test
    void theScreensTouchNoDevice() {
        noClasses().that().resideInAPackage(UI)
                .should().dependOnClassesThat(resideInAPackage(DEVICES).and(not(equivalentTo(Receipt.class))))
                .orShould().dependOnClassesThat(resideInAPackage(BIOMETRIC).and(not(equivalentTo(ImageQuality.class))))
                .orShould().dependOnClassesThat().resideInAnyPackage(STORE, LEDGER, REGISTER, FINGERPRINT_DRIVER)
                .because("a view model exposes state and forwards taps; when a device acts is the engine's rule and "
                        + "the runner's work, and storage is reached through the engine or the administrator's actions")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoJavaFxNodes() {
        noClasses().that().resideInAPackage(UI).and().haveSimpleNameEndingWith("Model")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .because("view models expose read-only properties and are tested without a screen (JabRef's habit)")
                .check(classes);
    }

    @Test
    void theCommandLineTouchesNoScreenAndNoDevice() {
        noClasses().that().resideInAPackage(CLI)
                .should().dependOnClassesThat().resideInAnyPackage(UI, RUNNER, DEVICES, LEDGER, FINGERPRINT_DRIVER)
                .because("administrator commands work on the store and the keys; they run where no device is plugged")
                .check(classes);
    }

    @Test
    void domainLayersDoNotReachTheScreensTheCommandsOrTheWiring() {
        noClasses().that().resideInAnyPackage(CHECKIN, TOKEN, AUDIT, REGISTER, CLERK, LEDGER, RUNNER)
                .should().dependOnClassesThat().resideInAnyPackage(UI, CLI, APP)
                .because("the election-day logic is the same whichever screen, command or mode drives it")
                .check(classes);
    }

    // ------------------------------------------------------------------ emulators and fakes, by name

    /** Exception: the devices' own emulators open their pseudo-terminal with the fingerprint emulator's. */
    @Test
    void onlyTheWiringChoosesEmulators() {
        noClasses().that().resideOutsideOfPackage(APP).and().haveNameNotMatching(".*Emulator(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage(FINGERPRINT_EMULATOR)
                .orShould().dependOnClassesThat(simpleNameEndingWith("Emulator"))
                .because("only app decides between real and emulated hardware; a real driver never needs an "
                        + "emulator, so the emulators can be left out without the election day noticing")
                .check(classes);
    }

    @Test
    void noInMemoryFakeShipsInTheKiosk() {
        classes().should().haveSimpleNameNotStartingWith("InMemory").andShould().haveSimpleNameNotStartingWith("Fake")
                .because("fakes of the ports live with the tests (kz.sailau.kiosk.testing); the kiosk ships only "
                        + "the real ledger, register, roster and token issuer")
                .check(classes);
    }
}
