/**
 * The R30x / ZFM / AS608 fingerprint sensor driver, its emulator and the shared serial opener.
 *
 * <p>Exported: the API ({@code kz.sailau.fingerprint}: {@code FingerprintScanner}, {@code Capture},
 * {@code SensorProfile}, the exceptions), the jSerialComm driver and serial opener ({@code serial}), and the emulator
 * ({@code emulator}). Not exported: the packet codec ({@code protocol}), which only the driver and the emulator use,
 * and the command line ({@code cli}). The kiosk runs on the class path, where a build rule (kiosk-app
 * {@code DeviceBoundariesTest}) keeps it off {@code protocol} as well.
 */
module kz.sailau.fingerprint {
    requires transitive java.desktop;
    requires com.fazecast.jSerialComm;
    requires com.sun.jna;
    requires info.picocli;
    requires org.slf4j;

    exports kz.sailau.fingerprint;
    exports kz.sailau.fingerprint.serial;
    exports kz.sailau.fingerprint.emulator;

    opens kz.sailau.fingerprint.cli to info.picocli;
    opens kz.sailau.fingerprint.emulator to com.sun.jna;
}
