package kz.sailau.fingerprint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of {@code fingerprint-driver}, checked by the build: the API at the root, {@code protocol} pure,
 * {@code serial} the only jSerialComm user, {@code emulator} beside the driver and never used by it, {@code cli} on
 * top. Each rule says why.
 */
class DriverArchitectureTest {

    private static final String ROOT = "kz.sailau.fingerprint";
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        if (classes.isEmpty()) {
            throw new AssertionError("no production classes found under " + ROOT);
        }
    }

    @Test
    void protocolDoesNoIo() {
        noClasses().that().resideInAPackage(ROOT + ".protocol..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.net..",
                        "com.fazecast..", "com.sun.jna..", "org.slf4j..", ROOT + ".serial..", ROOT + ".emulator..")
                .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, java.time.Clock.class)
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .because("the packet codec is pure (bytes in, values out) so it is tested exhaustively without a"
                        + " line, a clock or a thread, and both the driver and the emulator can share it")
                .check(classes);
    }

    @Test
    void onlySerialImportsJSerialComm() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".serial..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fazecast..")
                .because("one place opens serial ports (SerialPorts), for the driver and the kiosk's card reader"
                        + " and printer alike, so port handling and its failure mapping exist once")
                .check(classes);
    }

    @Test
    void theDriverNeverUsesTheEmulator() {
        noClasses().that().resideInAnyPackage(ROOT, ROOT + ".serial..", ROOT + ".protocol..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".emulator..")
                .because("the emulator stands in for hardware in tests and the demo; the real driver must not be"
                        + " able to reach it, or a test could pass through a shortcut the hardware lacks")
                .check(classes);
    }

    @Test
    void theApiDependsOnNoImplementation() {
        noClasses().that().resideInAPackage(ROOT)
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".protocol..", ROOT + ".serial..",
                        ROOT + ".emulator..", ROOT + ".cli..")
                .because("FingerprintScanner, Capture, SensorProfile and the exceptions are what the kiosk"
                        + " programs against; they must not drag an implementation in")
                .check(classes);
    }

    @Test
    void onlyTheEmulatorUsesNativeCalls() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".emulator..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sun.jna..")
                .because("JNA is for the pseudo-terminal (posix_openpt) only; the driver runs on plain jSerialComm")
                .check(classes);
    }

    @Test
    void theEmulatedSensorIsPure() {
        noClasses().that().haveSimpleNameStartingWith("EmulatedSensor")
                .or().haveSimpleName("FeatureSketch").or().haveSimpleName("UploadFaults")
                .should().dependOnClassesThat().haveSimpleName("PseudoTerminal")
                .orShould().dependOnClassesThat().belongToAnyOf(Thread.class)
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().dependOnClassesThat().resideInAnyPackage("com.sun.jna..", "com.fazecast..",
                        "org.slf4j..")
                .because("the sensor model is protocol-level and tested without a pseudo-terminal; time, pacing,"
                        + " faults on the wire and plugging belong to the ScannerEmulator shell")
                .check(classes);
    }

    @Test
    void nothingButTheEntryPointUsesTheCommandLine() {
        noClasses().that().resideOutsideOfPackage(ROOT + ".cli..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".cli..", "picocli..")
                .because("the command line is a client of the driver like the kiosk is, never a dependency of it")
                .check(classes);
    }

    @Test
    void protocolInternalsStayBehindTheirPublicTypes() {
        classes().that().resideInAPackage(ROOT + ".serial..").and().haveSimpleNameEndingWith("Line")
                .should().notBePublic()
                .because("the line seam exists for the driver's unit tests; users open ports with SerialPorts")
                .check(classes);
    }
}
