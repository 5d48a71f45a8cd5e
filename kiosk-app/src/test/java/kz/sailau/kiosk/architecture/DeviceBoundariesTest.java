package kz.sailau.kiosk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How the kiosk reaches its serial devices: through the fingerprint driver's public packages only. */
class DeviceBoundariesTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = ProductionClasses.get();
    }

    @Test
    void theKioskOpensNoSerialPortItself() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("com.fazecast..")
                .because("one serial opener (fingerprint-driver SerialPorts) serves the scanner, the card reader and"
                        + " the printer, so port handling and its failure mapping exist once")
                .check(classes);
    }

    @Test
    void theKioskDoesNotUseTheSensorsPacketCodec() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("kz.sailau.fingerprint.protocol..")
                .because("the packet codec is internal to the driver (not exported by its module-info); the kiosk"
                        + " programs against FingerprintScanner and SensorProfile")
                .check(classes);
    }
}
