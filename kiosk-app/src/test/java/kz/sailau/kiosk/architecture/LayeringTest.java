package kz.sailau.kiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering rules of HOUSE-STYLE.md, checked by the build. Dependencies point one way:
 * ui, cli → checkin, token, audit, register → biometric, crypto, devices → model.
 * An exception to a rule is written here with its reason.
 */
class LayeringTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("kz.sailau.kiosk");
        if (classes.isEmpty()) {
            throw new AssertionError("no production classes found under kz.sailau.kiosk");
        }
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("kz.sailau.kiosk.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kz.sailau.kiosk.register..", "kz.sailau.kiosk.crypto..", "kz.sailau.kiosk.biometric..",
                        "kz.sailau.kiosk.devices..", "kz.sailau.kiosk.checkin..", "kz.sailau.kiosk.token..",
                        "kz.sailau.kiosk.audit..", "kz.sailau.kiosk.ui..", "kz.sailau.kiosk.cli..",
                        "kz.sailau.kiosk.app..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * The store is plumbing below every feature: SQLite, transactions and migrations only. It knows no
     * feature (register, check-in, audit ...), no UI, and no crypto or biometrics.
     * The check-in ledger, which joins feature tables in one transaction, lives in {@code ledger}, above it.
     */
    @Test
    void storeIsPlumbingThatKnowsNoFeature() {
        noClasses().that().resideInAPackage("kz.sailau.kiosk.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kz.sailau.kiosk.register..", "kz.sailau.kiosk.checkin..", "kz.sailau.kiosk.token..",
                        "kz.sailau.kiosk.audit..", "kz.sailau.kiosk.ui..", "kz.sailau.kiosk.cli..",
                        "kz.sailau.kiosk.app..", "kz.sailau.kiosk.crypto..", "kz.sailau.kiosk.biometric..",
                        "kz.sailau.kiosk.devices..", "javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Only the store and the features that own tables talk SQL; never crypto, biometric, devices or the UI. */
    @Test
    void lowLevelLayersAndUiHaveNoSql() {
        noClasses().that().resideInAnyPackage("kz.sailau.kiosk.model..", "kz.sailau.kiosk.crypto..",
                        "kz.sailau.kiosk.biometric..", "kz.sailau.kiosk.devices..", "kz.sailau.kiosk.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Only the store opens SQLite connections; features receive a connection inside a transaction. */
    @Test
    void onlyStoreUsesTheSqliteDriver() {
        noClasses().that().resideOutsideOfPackage("kz.sailau.kiosk.store..")
                .should().dependOnClassesThat().resideInAnyPackage("org.sqlite..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void lowerLayersDoNotReachUp() {
        noClasses().that().resideInAnyPackage(
                        "kz.sailau.kiosk.biometric..", "kz.sailau.kiosk.crypto..", "kz.sailau.kiosk.devices..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kz.sailau.kiosk.checkin..", "kz.sailau.kiosk.token..", "kz.sailau.kiosk.audit..",
                        "kz.sailau.kiosk.register..", "kz.sailau.kiosk.ui..", "kz.sailau.kiosk.cli..",
                        "kz.sailau.kiosk.app..", "kz.sailau.kiosk.store..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void domainLayerDoesNotReachUiOrWiring() {
        noClasses().that().resideInAnyPackage(
                        "kz.sailau.kiosk.checkin..", "kz.sailau.kiosk.token..", "kz.sailau.kiosk.audit..",
                        "kz.sailau.kiosk.register..", "kz.sailau.kiosk.clerk..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "kz.sailau.kiosk.ui..", "kz.sailau.kiosk.cli..", "kz.sailau.kiosk.app..")
                .allowEmptyShould(true)
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
        noClasses().that().resideOutsideOfPackages("kz.sailau.kiosk.ui..", "kz.sailau.kiosk.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyCryptoImportsBouncyCastle() {
        noClasses().that().resideOutsideOfPackage("kz.sailau.kiosk.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyBiometricImportsSourceAfis() {
        noClasses().that().resideOutsideOfPackage("kz.sailau.kiosk.biometric..")
                .should().dependOnClassesThat().resideInAnyPackage("com.machinezoo.sourceafis..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyDevicesImportJSerialComm() {
        noClasses().that().resideOutsideOfPackage("kz.sailau.kiosk.devices..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void checkInEngineHasNoSqlAndNoJavaFx() {
        noClasses().that().resideInAPackage("kz.sailau.kiosk.checkin..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyAppChoosesHardwareEmulators() {
        noClasses().that().resideOutsideOfPackages("kz.sailau.kiosk.app..", "kz.sailau.kiosk.devices..")
                .should().dependOnClassesThat().resideInAnyPackage("kz.sailau.fingerprint.emulator..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
